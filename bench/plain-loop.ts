/**
 * The valuation benchmark's baseline: the income approach's arithmetic as one plain loop
 * (triangular draws, discounting, a running total), with none of the engine's checks,
 * summaries or result building. Also a worker entry, so the same loop can be run on every
 * core at once: what this machine's cores can really do side by side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rng } from '../electron/services/demo/random';

export interface PlainItem {
  revenue: number[];
  seed: number;
}

export function plainLoop(items: PlainItem[], paths: number): number {
  let checksum = 0;
  const tri = (u: number, a: number, c: number, b: number) =>
    u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  for (const item of items) {
    const rev = item.revenue;
    const r = rng(item.seed);
    for (let p = 0; p < paths; p++) {
      const m = tri(r.next(), 0.7, 1, 1.2);
      const k = tri(r.next(), 0.02, 0.03, 0.045);
      const i = tri(r.next(), 0.1, 0.12, 0.16);
      const x = 1 / (1 + i);
      let pw = x;
      let acc = 0;
      for (let t = 0; t < rev.length; t++) {
        acc += rev[t]! * pw;
        pw *= x;
      }
      checksum += m * k * acc;
    }
  }
  return checksum;
}

// As a worker: warm up on a few items, wait for the go, run the share, report the time.
const job = workerData as { items: PlainItem[]; paths: number } | undefined;
if (parentPort && job?.items) {
  const port = parentPort;
  plainLoop(job.items.slice(0, 20), job.paths);
  port.postMessage('ready');
  port.once('message', () => {
    const t = performance.now();
    plainLoop(job.items, job.paths);
    port.postMessage(performance.now() - t);
  });
}
