/**
 * The CLI's report: a versioned JSON document (schema in README.md) and the findings
 * printed one per line in text format. Each analysis contributes one section.
 */
import type { Corpus } from './corpus';
import type { ScanNote } from './scan';

/** Bumped whenever a field changes meaning or disappears; adding fields keeps it. */
export const REPORT_VERSION = 1;

export interface Finding {
  path: string;
  /** 1-based. */
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface ArticleReport {
  title: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  words: number;
  byline?: string;
  sections: { title: string; line: number }[];
}

export interface FileReport {
  path: string;
  articles: ArticleReport[];
  boilerplate: { startLine: number; endLine: number }[];
}

export interface Report {
  reportVersion: number;
  tool: { name: string; version: string };
  root: string;
  summary: { files: number; articles: number; skipped: number; [key: string]: number };
  files: FileReport[];
  skipped: ScanNote[];
  warnings: ScanNote[];
  [section: string]: unknown;
}

/** One analysis's part of the report: a top-level section, findings and summary counts. */
export interface ReportSection {
  key: string;
  data: unknown;
  findings: Finding[];
  summary: Record<string, number>;
  /** Fields the analysis adds to each entry of `files[].articles` (by file path and 1-based title line). */
  articleFields?: (path: string, startLine: number) => Record<string, unknown>;
}

export function baseReport(root: string, corpus: Corpus, skipped: ScanNote[], warnings: ScanNote[], version: string): Report {
  const files = [...corpus.all()]
    .sort((a, b) => a.relativePath.localeCompare(b.relativePath))
    .map((file) => ({
      path: file.relativePath,
      articles: file.articles.map((article) => {
        const entry: ArticleReport = {
          title: article.title,
          startLine: article.startLine + 1,
          endLine: article.endLine + 1,
          words: article.wordCount,
          sections: article.sections.map((section) => ({ title: section.title, line: section.line + 1 })),
        };
        if (article.byline) entry.byline = article.byline.text;
        return entry;
      }),
      boilerplate: file.boilerplate.map((span) => ({ startLine: span.startLine + 1, endLine: span.endLine + 1 })),
    }));
  const articles = files.reduce((sum, file) => sum + file.articles.length, 0);
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'seed-curator', version },
    root,
    summary: { files: files.length, articles, skipped: skipped.length },
    files,
    skipped,
    warnings,
  };
}

export function addSection(report: Report, section: ReportSection): void {
  report[section.key] = section.data;
  Object.assign(report.summary, section.summary);
  const { articleFields } = section;
  if (articleFields) for (const file of report.files) for (const article of file.articles) Object.assign(article, articleFields(file.path, article.startLine));
}

/** Findings of the base report: files that were skipped or decoded with replacements. */
export function baseFindings(report: Report): Finding[] {
  return [
    ...report.skipped.map((note) => ({ path: note.path, line: 1, column: 1, severity: 'warning' as const, message: skippedMessage(note) })),
    ...report.warnings.map((note) => ({ path: note.path, line: 1, column: 1, severity: 'warning' as const, message: note.message })),
  ];
}

/** What a skipped file is told with, wherever it is reported. */
export function skippedMessage(note: ScanNote): string {
  return `skipped: ${note.message}`;
}

export function formatFinding(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`;
}
