// Development entry for the job worker: registers tsx in this thread so the TypeScript
// worker can be loaded from source (harness, CLI, tests). Electron uses the bundled .cjs.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
