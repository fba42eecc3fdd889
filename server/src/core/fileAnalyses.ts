/**
 * The per-file analyses the language server computes with every file (see analyses.ts):
 * in its index worker threads, in its own thread, and kept in its index cache. A feature
 * adds its analysis here, once, and reads the result with `analysisOf(file, analysis)`.
 */
import type { FileAnalysis } from './analyses';
import { fingerprintsAnalysis } from './duplicates/analysis';
import { textHashesAnalysis, vocabulariesAnalysis } from './themes/articleVocabulary';

export const fileAnalyses: readonly FileAnalysis[] = [fingerprintsAnalysis, vocabulariesAnalysis, textHashesAnalysis];
