import path from 'node:path';
import type { WorkerLaunch } from './manager';

/** The worker as TypeScript source, for the harness, the CLI and tests (all run under tsx). */
export const TSX_WORKER: WorkerLaunch = {
  file: path.join(import.meta.dirname, 'worker.ts'),
  execArgv: ['--import', 'tsx'],
};
