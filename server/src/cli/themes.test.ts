import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { ThemeReport } from '../core/themes/report';
import { runCli } from './main';
import { temporaryFolder } from '../core/fixtures/temporaryFolder';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/themes');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

describe('seed-curator: themes', () => {
  const folder = temporaryFolder('seed-cli-themes-');

  before(async () => {
    for (const name of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, name), path.join(folder(), name));
    await fs.mkdir(path.join(folder(), '.seed-curator'));
    await fs.writeFile(path.join(folder(), '.seed-curator', 'themes.json'), JSON.stringify({ themes: [{ name: 'Cycling', keywords: ['cycle', 'cycling', 'cyclists', 'bikes'] }, { name: 7 }] }));
  });

  it('adds themes[] and each article’s theme to the JSON report', async () => {
    const { code, stdout } = await run('scan', folder(), '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as {
      themes: ThemeReport[];
      summary: Record<string, number>;
      files: { path: string; articles: { startLine: number; theme: string }[] }[];
    };
    assert.equal(report.summary.themes, report.themes.length);
    const cycling = report.themes[0];
    assert.equal(cycling.label, 'Cycling');
    assert.equal(cycling.kind, 'user');
    assert.ok(cycling.articles.length >= 4);
    assert.ok(cycling.articles.every((a) => a.path.startsWith('cycling')));
    const themeIds = new Set(report.themes.map((theme) => theme.id));
    const articles = report.files.flatMap((file) => file.articles.map((a) => ({ ...a, path: file.path })));
    assert.equal(articles.length, 20);
    for (const article of articles) assert.ok(themeIds.has(article.theme), `${article.path}:${article.startLine} has theme ${article.theme}`);
    for (const theme of report.themes) {
      for (const a of theme.articles) assert.equal(articles.find((x) => x.path === a.path && x.startLine === a.line)?.theme, theme.id);
    }
  });

  it('warns about an invalid user theme in the text report', async () => {
    const { stdout } = await run('scan', folder());
    // The file is one line; the mistake is the name 7 of the second theme.
    const column = (await fs.readFile(path.join(folder(), '.seed-curator', 'themes.json'), 'utf8')).indexOf(':7}') + 2;
    assert.match(stdout, new RegExp(`\\.seed-curator/themes\\.json:1:${column}: error: themes\\.1\\.name: must be a string\\.`));
  });

  it('prints the best matches for `search`, every word narrowing them', async () => {
    const { code, stdout } = await run('search', folder(), 'honey');
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    const theme = /^theme {3}(.+) \(5 articles\) — /.exec(lines[0]);
    assert.ok(theme, lines[0]);
    assert.ok(lines.includes(`article bees.txt:1: Urban beekeepers report a record honey harvest [${theme[1]}]`));
    const narrowed = await run('search', folder(), 'honey', 'harvest');
    assert.equal(narrowed.stdout, `article bees.txt:1: Urban beekeepers report a record honey harvest [${theme[1]}]\n`);
  });

  it('says when nothing matches, and refuses a missing query or folder', async () => {
    assert.equal((await run('search', folder(), 'zzqqxx')).stdout, 'No theme or article matches "zzqqxx".\n');
    assert.equal((await run('search', folder())).code, 2);
    const missing = await run('search', path.join(folder(), 'nope'), 'bees');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /is not a folder/, missing.stderr);
  });
});

describe('seed-curator search: organisations', () => {
  const folder = temporaryFolder('seed-cli-search-');

  before(async () => {
    for (const name of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, name), path.join(folder(), name));
    await fs.writeFile(
      path.join(folder(), 'boards.txt'),
      'Boards learn to ask better questions\n\n3 June 2024\n\n' +
        'A webinar run by the Good Governance Institute asked how trust boards can hear from patients before problems grow. ' +
        'Boards that visit wards and read complaints themselves notice trouble months earlier than those who rely on summaries.\n',
    );
  });

  it('finds an article by the alias of an organisation it names in full', async () => {
    const { code, stdout } = await run('search', folder(), 'GGI');
    assert.equal(code, 0);
    assert.match(stdout, /^article boards\.txt:1: Boards learn to ask better questions \[/);
    assert.equal(stdout.trim().split('\n').length, 1);
  });
});

