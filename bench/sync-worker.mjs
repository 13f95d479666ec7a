// For bench/sync.ts: the engine's syncOnce in a worker thread, on its own connection to the
// desktop database, as the app would run it off the main process (a proposal, measured): the
// thread that started it only hears the progress and the report.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { file, pageSize } = workerData;
const { openDatabase } = await import('../electron/services/db/connection.ts');
const { syncOnce } = await import('../electron/services/sync/engine.ts');
const { clientFor, fileVault } = await import('../electron/services/sync/session.ts');
const { db } = openDatabase({ file });
try {
  const report = await syncOnce(db, clientFor(db, fileVault(`${file}.session`)), {
    pageSize,
    onProgress: (p) => parentPort.postMessage({ pulled: p.pulled }),
  });
  parentPort.postMessage({ report });
} finally {
  db.close();
}
