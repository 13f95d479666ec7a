import path from 'node:path';
import type { WorkerLaunch } from './manager';

/** The worker from TypeScript source, for the harness, the CLI and tests (see worker-dev.mjs). */
export const TSX_WORKER: WorkerLaunch = { file: path.join(import.meta.dirname, 'worker-dev.mjs') };
