#!/usr/bin/env node
// Looks at any folder of articles the way a person would, in a real VS Code (code-server)
// driven in Debian chromium: what the Problems panel and the Seed Curator views list, what
// hovering chosen words shows and what the theme search finds. Prints it all and saves
// screenshots in test-results/look/. A tool for looking, not a test: it asserts nothing.
//
//   npm run look -- <folder> [--hover "GGI,NHS England"] [--search "bereavement,trust"] [--walk N]
//
// --walk N: Next Duplicate N times (one more than the copies shows it wrap around), then the
// Quick Fix "Remove this copy" on the last one, the Problems panel after it, and Undo.
//
// The folder is copied first: nothing the extension writes lands in it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { closeAllSessions, logger, repo, requireBuilt, screenshot, sleep, startSession } from '../vscode/codeServer.mjs';
import { dismiss, editorLine, expandPane, openFile, pane, runCommand } from './workbench.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { hover: { type: 'string', default: '' }, search: { type: 'string', default: '' }, walk: { type: 'string', default: '0' } },
});
const folder = positionals[0];
if (!folder || !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: npm run look -- <folder> [--hover "word,other words"] [--search "query,query"] [--walk N]');
  process.exit(2);
}
const list = (value) => value.split(',').map((item) => item.trim()).filter(Boolean);
const outDir = path.join(repo, 'test-results/look');
const log = logger('look');
let shots = 0;
const shot = (page, name) => screenshot(page, path.join(outDir, `${String(++shots).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`));

/** The first file and 1-based line of the folder where `word` stands as a whole word. */
function firstMention(word) {
  const isWordChar = (char) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (!fs.statSync(file).isFile()) continue;
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
      for (let at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
        if (!isWordChar(line[at - 1]) && !isWordChar(line[at + word.length])) return { name, line: index + 1, column: at + 1, text: line };
      }
    }
  }
  return undefined;
}

/** Where on screen the first letters after the cursor are drawn: Go to Line put it on the word. */
async function pointAfterCursor(page) {
  const box = await page.locator('.editor-group-container.active .cursors-layer .cursor').first().boundingBox();
  return box && { x: box.x + 6, y: box.y + box.height / 2 };
}

async function hover(page, word) {
  const mention = firstMention(word);
  if (!mention) return console.log(`\nhover "${word}": not in the folder`);
  await openFile(page, mention.name);
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${mention.line}:${mention.column}`);
  await page.keyboard.press('Enter');
  await editorLine(page, mention.text.trim().slice(0, 20)).waitFor();
  const point = await pointAfterCursor(page);
  if (!point) return console.log(`\nhover "${word}": no cursor on screen in ${mention.name}:${mention.line}`);
  await page.mouse.move(point.x, point.y);
  const content = page.locator('.monaco-editor .monaco-hover:visible').first();
  const shown = await content.waitFor({ timeout: 4_000 }).then(() => true, () => false);
  // Hover providers answer one by one: let the slower ones fill in.
  if (shown) await sleep(1_000);
  console.log(`\nhover "${word}" at ${mention.name}:${mention.line}:`);
  console.log(shown ? indent(await content.innerText()) : '  (no hover)');
  await shot(page, `hover-${word}`);
  await page.mouse.move(0, 0);
}

async function search(page, query) {
  await runCommand(page, 'Seed Curator: Search Themes');
  const input = page.locator('.quick-input-widget input');
  await input.fill(query);
  await sleep(1_000);
  const rows = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
  console.log(`\nsearch "${query}":`);
  console.log(indent(rows.slice(0, 8).join('\n') || '(nothing)'));
  await shot(page, `search-${query}`);
}

/** The active editor's file and cursor, as the tab and the status bar show them. */
async function whereAmI(page) {
  const tab = await page.locator('.tabs-container .tab.active').first().innerText();
  const cursor = await page.locator('.statusbar-item[id="status.editor.selection"]').first().innerText();
  return `${tab.trim()} ${cursor.trim()}`;
}

async function problems(page) {
  await page.keyboard.press('Control+Shift+M');
  await sleep(1_000);
  return indent(await page.locator('.markers-panel').innerText());
}

/** The text of the notifications on screen, if any: what a command says when it has nothing to do. */
async function notifications(page) {
  const toasts = page.locator('.notifications-toasts .notification-toast:visible');
  return (await toasts.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter(Boolean);
}

async function walkDuplicates(page, steps) {
  console.log('\nNext Duplicate:');
  for (let step = 0; step < steps; step++) {
    await runCommand(page, 'Seed Curator: Next Duplicate');
    await sleep(700);
    // Nothing to walk: the command says so, and no editor opens.
    const said = await notifications(page);
    if (said.length > 0) return console.log(`  ${step + 1}. the command says: ${said.join(' | ')}`);
    console.log(`  ${step + 1}. ${await whereAmI(page)}`);
  }
  await shot(page, 'next-duplicate');
  await page.keyboard.press('Control+.');
  const remove = page.locator('.action-widget .monaco-list-row', { hasText: 'Remove this copy' }).first();
  await remove.click();
  await sleep(2_000);
  console.log(`\nafter "Remove this copy" at ${await whereAmI(page)}, Problems panel:`);
  console.log(await problems(page));
  await shot(page, 'removed-copy');
  await page.locator('.editor-group-container.active .view-line').first().click();
  await page.keyboard.press('Control+Z');
  await sleep(2_000);
  console.log('\nafter Undo, Problems panel:');
  console.log(await problems(page));
  await shot(page, 'undone');
}

const indent = (text) => text.split('\n').filter((line) => line.trim()).map((line) => `  ${line}`).join('\n');

let session;
try {
  requireBuilt([]);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  session = await startSession({ name: 'look', outDir, workspaceSource: path.resolve(folder), settings: { 'editor.wordWrap': 'on', 'editor.cursorBlinking': 'solid' } });
  const { page } = session;
  page.setDefaultTimeout(20_000);
  const status = page.locator('.statusbar-item', { hasText: /\d+ articles?/ }).first();
  await status.waitFor({ timeout: 60_000 });
  console.log(`status bar: ${await status.innerText()}`);

  console.log('\nProblems panel:');
  console.log(await problems(page));
  await shot(page, 'problems');

  await page.locator('.activitybar .action-item a[aria-label^="Seed Curator"]').first().click();
  for (const title of ['Duplicates', 'Organisations', 'Themes']) {
    await expandPane(page, title);
    await sleep(500);
    console.log(`\n${title} view:`);
    console.log(indent(await pane(page, title).locator('.pane-body').innerText()));
  }
  await shot(page, 'views');

  for (const word of list(values.hover)) await hover(page, word).catch((err) => console.log(`\nhover "${word}" failed: ${err.message}`)).finally(() => dismiss(page));
  for (const query of list(values.search)) await search(page, query).catch((err) => console.log(`\nsearch "${query}" failed: ${err.message}`)).finally(() => dismiss(page));
  if (Number(values.walk) > 0) {
    await walkDuplicates(page, Number(values.walk)).catch((err) => console.log(`\nwalking duplicates failed: ${err.message}`));
  }
} catch (err) {
  console.error(`look failed: ${err.message}`);
  process.exitCode = 1;
} finally {
  await closeAllSessions();
  log(`screenshots in ${path.relative(repo, outDir)}/`);
}
