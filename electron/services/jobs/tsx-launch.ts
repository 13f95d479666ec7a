import path from 'node:path';
import type { WorkerLaunch } from './manager';

/** The worker from TypeScript source, for the harness, the CLI and tests (see worker-dev.mjs). */
export const TSX_WORKER: WorkerLaunch = { file: path.join(import.meta.dirname, 'worker-dev.mjs') };

/** resources/ of the repository, for the same development shells. */
export const DEV_RESOURCES_DIR = path.resolve(import.meta.dirname, '../../../resources');
