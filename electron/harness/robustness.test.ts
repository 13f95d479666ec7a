import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';

const root = path.resolve(import.meta.dirname, '../..');
let tmp: ReturnType<typeof tempDir>;
let child: ChildProcess;
let port = 0;
let token = '';
let exited: string | null = null;

/** Sends bytes exactly as written and returns the status code of the answer (0 if the socket closed without one). */
function raw(bytes: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('error', () => {}); // a reset after the answer is fine; the status is what counts
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.end(bytes);
  });
}
const host = () => `Host: 127.0.0.1:${port}`;
const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`);
const post = (target: string, body: string | Buffer, headers = `x-ipf-token: ${token}\r\n`) =>
  raw(
    Buffer.concat([
      Buffer.from(
        `POST ${target} HTTP/1.1\r\n${host()}\r\n${headers}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      ),
      Buffer.from(body),
    ]),
  );

beforeAll(async () => {
  tmp = tempDir();
  const rendererDir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  // The real harness entry, as `npm run harness` starts it, in a process of its own.
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/harness/index.ts',
      '--port',
      '0',
      '--data-dir',
      path.join(tmp.dir, 'data'),
      '--renderer-dir',
      rendererDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.on('exit', (code, signal) => (exited = `exit ${code} ${signal ?? ''}`));
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`harness exited: ${err}`)));
  });
  const page = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
  token = /name="ipf-harness-token" content="([^"]+)"/.exec(page)![1]!;
}, 60_000);

afterAll(async () => {
  if (!exited) {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
  tmp.cleanup();
});

/** After each bad request the same process must still serve the page and the contract. */
async function stillAnswers(): Promise<void> {
  expect(exited).toBeNull();
  expect(await get('/')).toBe(200);
  expect(await post('/rpc/idCheck', JSON.stringify({ value: 'ZL201710601862.3' }))).toBe(200);
}

describe('harness survives malformed requests', () => {
  it('answers 400 to a path that is not a path or has a bad percent-escape, before the token check', async () => {
    expect(await get('//%5B')).toBe(400);
    await stillAnswers();
    expect(await post('/rpc/%E0%A4%A', '{}')).toBe(400);
    await stillAnswers();
    expect(await post('/rpc/%ZZ', '{}', '')).toBe(400);
    expect(await get('/%')).toBe(400);
    expect(await get('*')).toBe(400);
    await stillAnswers();
  });

  it('refuses broken JSON, a huge body, unknown methods and another Host without dying', async () => {
    expect(await post('/rpc/settingsUpdate', '{not json')).toBe(400);
    expect(await post('/rpc/settingsUpdate', Buffer.alloc(6 * 1024 * 1024, 0x20))).toBe(413);
    await stillAnswers();
    expect(await raw(`DELETE / HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`)).toBe(405);
    expect(await raw(`BREW / HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await raw(`GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toBe(403);
    expect(await raw(`GET / HTTP/1.0\r\n\r\n`)).toBe(403);
    expect(await raw('\x00\x01 not http at all\r\n\r\n')).toBe(400);
    expect(
      await raw(
        `POST /rpc/appInfo HTTP/1.1\r\n${host()}\r\nx-ipf-token: ${token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n`,
      ),
    ).toBe(400);
    await stillAnswers();
  });
});
