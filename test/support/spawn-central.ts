/**
 * `npm run central` as a real process (`node --import tsx server/index.ts`, the script's
 * command): its printed URL, its output, its exit. Used by tests (central-process.ts, which
 * also kills what a test left running) and by the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface CentralProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the printed URL; rejects if the process ends first or takes over 45 s. */
  url: Promise<string>;
}

export function spawnCentral(args: string[], env: Record<string, string> = {}, stdin?: string): CentralProcess {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', ...args], {
    cwd: root,
    detached: true,
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  else child.stdin!.end();
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 45 s\nstdout: ${out}\nstderr: ${err}`)), 45_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^知融工作台中心服务: (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing its URL\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  url.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, exited, url };
}

/** Ends the process and everything it started (tsx runs node under it), and waits for the exit. */
export async function stopCentral(c: CentralProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  try {
    process.kill(-c.child.pid!, signal);
  } catch {
    // Already gone.
  }
  await c.exited;
}
