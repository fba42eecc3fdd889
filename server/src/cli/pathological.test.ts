/**
 * The whole report, and every hover summary, on texts shaped to defeat the algorithms at
 * scale (test/property/pathologicalTexts.ts). Each of them once took minutes or gigabytes;
 * the timeout is there to fail a test that hangs, not to measure speed (the benchmark
 * prints the figures, just under the default size limit).
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathologicalTexts } from '../../../test/property/pathologicalTexts';
import { Corpus } from '../core/corpus';
import { OrganisationIndex } from '../core/organisations/index';
import { OrganisationSummaries } from '../core/organisations/summary';
import { runCli } from './main';
import { temporaryFolder } from '../core/fixtures/temporaryFolder';

/** Characters per text: a quarter of the default size limit, enough for any of the old slowdowns to last minutes. */
const SIZE = 500_000;

interface JsonReport {
  summary: Record<string, number>;
  organisations: { mentions: { line: number; column: number; length: number; text: string }[] }[];
  duplicates: { passages: { startLine: number; endLine: number }[] }[];
}

describe('seed-curator on pathological texts', function () {
  this.timeout(20_000);
  const folder = temporaryFolder('seed-cli-pathological-');

  for (const { name, text } of pathologicalTexts(SIZE)) {
    it(`reports on ${name}`, async () => {
      const file = path.join(folder(), 'text.txt');
      await fs.writeFile(file, text);
      let stdout = '';
      const code = await runCli(['scan', folder(), '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => undefined, interactive: false });
      assert.equal(code, 0);
      const report = JSON.parse(stdout) as JsonReport;
      assert.equal(report.summary.files, 1, 'the text is indexed, not skipped');
      const lines = text.split('\n');
      for (const organisation of report.organisations) {
        for (const mention of organisation.mentions) {
          assert.equal(lines[mention.line - 1].substr(mention.column - 1, mention.length), mention.text);
        }
      }
      for (const group of report.duplicates) {
        for (const passage of group.passages) assert.ok(passage.startLine <= passage.endLine && passage.endLine <= lines.length);
      }
    });

    it(`summarises every organisation of ${name}`, () => {
      const corpus = new Corpus();
      const index = new OrganisationIndex().attach(corpus);
      corpus.apply([{ uri: 'text.txt', relativePath: 'text.txt', text }]);
      const summaries = new OrganisationSummaries(index);
      for (const id of index.mentionedIds()) {
        const summary = summaries.summary(id);
        assert.ok(summary && summary.mentions > 0 && summary.related.length <= 5, id);
      }
    });
  }
});
