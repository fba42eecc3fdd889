/**
 * Entry of the index worker threads (bundled to dist/indexWorker.js): indexes the files of
 * a workspace scan in parallel with the server's thread.
 */
import { fileAnalyses } from './core/fileAnalyses';
import { serveIndexJobs } from './core/workers/worker';

serveIndexJobs(fileAnalyses);
