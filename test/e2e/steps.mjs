// What a person sees of Seed Curator in the editor, one step each, in order (a step may
// rely on the workbench state the previous ones left, not on their success).
// `run(page, shot)`: `shot(label)` saves an extra screenshot in the middle of a step.
// Fixture: test/fixtures/workspace (see its files for the articles named here).
import {
  activeTab,
  editorLine,
  expandPane,
  goToSymbolInWorkspace,
  openFile,
  pane,
  row,
  runCommand,
  typeInQuickInput,
} from './workbench.mjs';

const SHARED_TITLE = 'Pharmacists take on blood pressure checks';
const RIVER_TITLE = 'Flood barriers go up along the river';

export const steps = [
  {
    name: 'the status bar says how many articles and duplicated passages the workspace holds',
    async run(page) {
      await page.locator('.statusbar-item', { hasText: /^\s*\d+ articles\s+1 duplicate\s*$/ }).first().waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'the Explorer shows the files',
    async run(page) {
      const explorer = page.locator('.explorer-folders-view');
      for (const name of ['boards.txt', 'community-care.txt', 'reprinted.txt', 'rivers.txt', 'notes']) {
        await row(explorer, name).waitFor();
      }
    },
  },
  {
    name: 'opening a file, the Outline view shows its articles and sections',
    async run(page) {
      await row(page.locator('.explorer-folders-view'), 'community-care.txt').click();
      await activeTab(page, 'community-care.txt').waitFor();
      await runCommand(page, 'Explorer: Focus on Outline View');
      await expandPane(page, 'Outline');
      const outline = pane(page, 'Outline');
      for (const title of [SHARED_TITLE, 'How the checks work', 'Will the new walk-in centre ease pressure on A&E?']) {
        await row(outline, title).waitFor();
      }
    },
  },
  {
    name: 'Ctrl+T with words of a title finds the article and opens it',
    async run(page) {
      const found = await goToSymbolInWorkspace(page, 'flood barriers', RIVER_TITLE);
      await found.click();
      await activeTab(page, 'rivers.txt').waitFor();
      await editorLine(page, RIVER_TITLE).waitFor();
    },
  },
  {
    name: 'the Problems panel lists the duplicated article in both files',
    async run(page) {
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      await row(problems, 'community-care.txt').waitFor();
      await row(problems, 'reprinted.txt').waitFor();
      await row(problems, `duplicates "${SHARED_TITLE}" in reprinted.txt`).waitFor();
      await row(problems, `duplicates "${SHARED_TITLE}" in community-care.txt`).waitFor();
    },
  },
  {
    name: 'hovering an organisation shows its summary',
    async run(page) {
      await openFile(page, 'boards.txt');
      // This line starts with "GGI": the mouse rests on its first letters.
      const line = editorLine(page, 'GGI recommends');
      await line.waitFor();
      const box = await line.boundingBox();
      if (!box) throw new Error('the line that starts with GGI is not on screen');
      await page.mouse.move(box.x + 8, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'Good Governance Institute' }).first();
      await hover.waitFor();
      await hover.locator('text=/3 mentions in 1 article/').waitFor();
    },
  },
  {
    name: 'the Seed Curator views show duplicates, organisations and themes',
    async run(page) {
      await page.locator('.activitybar .action-item a[aria-label^="Seed Curator"]').first().click();
      for (const title of ['Duplicates', 'Organisations', 'Themes']) await expandPane(page, title);
      await row(pane(page, 'Duplicates'), SHARED_TITLE).waitFor();
      await row(pane(page, 'Organisations'), 'Good Governance Institute').waitFor();
      // Theme labels come from the articles' words: the river articles' theme speaks of them.
      await row(pane(page, 'Themes'), /river|flood/i).waitFor();
    },
  },
  {
    name: 'the command palette\'s "Seed Curator: Search Themes…" shows results and opens an article',
    async run(page, shot) {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Seed Curator: Search Themes');
      // The second river article: opening it must put the cursor on its title, line 7.
      const article = await typeInQuickInput(page, 'flood', 'Farmers plant trees to slow the river');
      await row(page.locator('.quick-input-widget'), /theme/).waitFor();
      await shot('results');
      await article.click();
      await activeTab(page, 'rivers.txt').waitFor();
      await page.locator('.statusbar-item', { hasText: 'Ln 7, Col 1' }).first().waitFor();
    },
  },
];
