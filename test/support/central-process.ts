/**
 * `npm run central` as a real process in a test: spawn-central.ts, killed with its process
 * group after each test if still running.
 */
import { afterEach } from 'vitest';
import { spawnCentral as spawn, type CentralProcess } from './spawn-central';

export type { CentralProcess } from './spawn-central';

const running = new Set<CentralProcess>();
afterEach(() => {
  // Whatever a failed test left running: its whole process group (tsx and node).
  for (const c of running) {
    try {
      process.kill(-c.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
});

export function spawnCentral(...args: Parameters<typeof spawn>): CentralProcess {
  const c = spawn(...args);
  running.add(c);
  void c.exited.then(() => running.delete(c));
  return c;
}
