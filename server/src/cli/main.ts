#!/usr/bin/env node
/**
 * seed-curator: the language server's core, headless.
 *   seed-curator scan <folder> [--format text|json|sarif] [--out FILE] [--fail-on-duplicates]
 *   seed-curator search <folder> <query...>
 * Exit codes: 0 success, 1 duplicates found with --fail-on-duplicates, 2 usage or I/O error.
 */
import { promises as fs, writeFileSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { scanFolder, workerScriptBeside } from '../core/scan';
import { Finding, Report, addSection, baseFindings, baseReport, formatFinding } from '../core/report';
import { defaultSettings } from '../settings';
import { sarifOutput, scanDuplicates } from './duplicates';
import { articleFindings, sectionBuilders } from './sections';
import { searchFolder } from './themes';

declare const SEED_CURATOR_VERSION: string | undefined;
const VERSION = typeof SEED_CURATOR_VERSION === 'string' ? SEED_CURATOR_VERSION : 'dev';

export const USAGE = `Usage:
  seed-curator scan <folder> [--format text|json|sarif] [--out FILE] [--fail-on-duplicates]
  seed-curator search <folder> <query...>   best matching themes and articles, one per line

Options:
  --format text|json|sarif  text: one finding per line (path:line:col: severity: message), then a summary
                            json: the versioned report described in README.md
                            sarif: SARIF 2.1.0 of the duplicated passages, for CI code scanning
  --out FILE                write the report to FILE instead of standard output
  --fail-on-duplicates      exit with 1 when any duplicated passage is found
  --help                    show this help`;

export class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether progress may be drawn on stderr (a terminal). */
  interactive: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        help: { type: 'boolean' },
        'fail-on-duplicates': { type: 'boolean' },
      },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const [command, folder, ...extra] = positionals;
    if (command === 'search') {
      if (!folder || extra.length === 0) throw new UsageError('search needs a folder and a query');
      io.stdout(await searchFolder(folder, extra.join(' '), (message) => io.stderr(`seed-curator: ${message}\n`)));
      return 0;
    }
    if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
    if (!folder) throw new UsageError('scan needs a folder');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (expected ${FORMATS.join(' or ')})`);
    const { output, foundDuplicates } = await scan(folder, format, io);
    // Blocking: this thread has nothing else to do, and fs.promises wrote a 2 MB report in 512 KB
    // steps, each a round trip to libuv's threads (25-45 ms at 10k articles; 3-5 ms blocking).
    if (values.out) writeFileSync(values.out, output);
    else io.stdout(output);
    return values['fail-on-duplicates'] && foundDuplicates ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`seed-curator: ${(error as Error).message}\n\n${USAGE}\n`);
    } else {
      io.stderr(`seed-curator: ${(error as Error).message}\n`);
    }
    return 2;
  }
}

/** What a scan prints, and whether it found duplicated passages (for `--fail-on-duplicates`). */
interface ScanOutput {
  output: string;
  foundDuplicates: boolean;
}

async function scan(folder: string, format: Format, io: CliIo): Promise<ScanOutput> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`"${folder}" is not a folder`);
  const progress = io.interactive ? (files: number) => files % 100 === 0 && io.stderr(`\rscanning: ${files} files`) : undefined;
  const options = {
    ...defaultSettings,
    onProgress: progress,
    // dist/cli.js finds dist/indexWorker.js beside it; run from the sources, it scans in this thread.
    workerScript: workerScriptBeside(__dirname),
    onWarning: (message: string) => io.stderr(`seed-curator: ${message}\n`),
  };
  // SARIF holds the duplicated passages and the unchecked files alone: a CI job asking for it waits for nothing else.
  if (format === 'sarif') {
    const duplicates = await scanDuplicates(root, options);
    if (progress) io.stderr('\r\x1b[K');
    return { output: sarifOutput(root, duplicates, VERSION), foundDuplicates: duplicates.groups.length > 0 };
  }
  const { corpus, skipped, warnings } = await scanFolder(root, options);
  if (progress) io.stderr('\r\x1b[K');
  const report = baseReport(root, corpus, skipped, warnings, VERSION);
  const findings: Finding[] = [...baseFindings(report), ...articleFindings(corpus)];
  for (const build of sectionBuilders) {
    const section = build(corpus, root);
    addSection(report, section);
    findings.push(...section.findings);
  }
  const foundDuplicates = (report.summary.duplicateGroups ?? 0) > 0;
  return { output: format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, findings), foundDuplicates };
}

/** The report's keys are camelCase plurals for JSON readers; people read "1 duplicate group". */
function summaryWords(key: string, count: number): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return count === 1 ? words.replace(/s$/, '') : words;
}

function formatText(report: Report, findings: Finding[]): string {
  const lines = findings.map(formatFinding);
  const summary = Object.entries(report.summary).map(([key, value]) => `${value} ${summaryWords(key, value)}`);
  lines.push('', `Scanned ${report.root}: ${summary.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  }).then((code) => {
    // Exit once what was written is out, rather than when the event loop empties: that way
    // Node first frees the whole heap, 30-40 ms more at 10k articles (8 runs, a busy machine).
    process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
  });
}
