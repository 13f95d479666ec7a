import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

// Runs in the child: optionally records itself as a holder, then keeps a write transaction open until stdin closes.
const CHILD = `
const [file, program] = process.argv.slice(1);
const { default: Sqlite } = await import('better-sqlite3-multiple-ciphers');
const release = program ? (await import('./electron/services/db/holder.ts')).claimHolder(file, program) : () => {};
const db = new Sqlite(file);
// A store the CLI or the app encrypted is opened with its folder's key, as they would.
const { fileKind, applyKey } = await import('./electron/services/db/cipher.ts');
const fs = await import('node:fs');
const path = await import('node:path');
const keyFile = path.join(path.dirname(file), 'db.key');
if (fileKind(file) === 'encrypted' && fs.existsSync(keyFile)) applyKey(db, fs.readFileSync(keyFile, 'utf8').trim());
db.exec('BEGIN IMMEDIATE');
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); release(); process.exit(0); });
`;

/**
 * Another real process holding a write transaction on `file` (tests only), optionally
 * recorded as `program` the way the app records itself.
 */
export async function holdWriteLock(file: string, program = ''): Promise<{ pid: number; release(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, file, program], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}: ${err}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    pid: child.pid!,
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
