/**
 * Texts shaped to defeat the algorithms at scale (test/property/pathologicalTexts.ts), each
 * one file just under the default size limit, scanned by the CLI (dist/cli.js, every
 * analysis on): its time and peak memory, and what it found. Each of these once took
 * minutes or gigabytes (issue 7: bad input never hangs).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathologicalTexts } from '../test/property/pathologicalTexts';
import { defaultSettings } from '../server/src/settings';
import { fmt, timedRun } from './measure';

export async function benchPathological(): Promise<void> {
  // ASCII texts: one character a byte, a little under the limit.
  const size = defaultSettings.maxFileSizeKB * 1024 - 50_000;
  const cli = path.join(__dirname, 'cli.js');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-curator-bench-pathological-'));
  const report = path.join(folder, 'report.json');
  try {
    console.log(`text (${fmt(size / 1e6, 2)} MB, one file) | seconds | peak RSS MB | articles | organisations | mentions | duplicate groups`);
    for (const { name, text } of pathologicalTexts(size)) {
      const texts = path.join(folder, 'texts');
      await fs.rm(texts, { recursive: true, force: true });
      await fs.mkdir(texts);
      await fs.writeFile(path.join(texts, 'text.txt'), text);
      const run = timedRun(process.execPath, [cli, 'scan', texts, '--format', 'json', '--out', report], folder);
      const { summary } = JSON.parse(await fs.readFile(report, 'utf8')) as { summary: Record<string, number> };
      console.log([name, fmt(run.seconds, 2), run.peakMB, summary.articles, summary.organisations, summary.organisationMentions, summary.duplicateGroups].join(' | '));
    }
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}
