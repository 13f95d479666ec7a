import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../services/jobs/tsx-launch';
import { createRuntime, type Runtime } from '../services/runtime';
import { startHarness, TOKEN_HEADER, type Harness } from './server';

let tmp: ReturnType<typeof tempDir>;
let rt: Runtime;
let h: Harness;
const token = 'test-token-abc';

beforeAll(async () => {
  tmp = tempDir();
  const staticDir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
  rt = createRuntime({
    dataDir: path.join(tmp.dir, 'data'),
    version: '9.9.9',
    shell: 'harness',
    worker: TSX_WORKER,
    resourcesDir: DEV_RESOURCES_DIR,
  });
  h = await startHarness({ dispatch: rt.dispatch, staticDir, token });
});
afterAll(async () => {
  await h.close();
  await rt.close();
  tmp.cleanup();
});

/** Raw HTTP so the test controls the Host header and the path exactly. */
function request(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: h.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${h.port}`, ...opts.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const rpc = (method: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: token }) =>
  request({
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser harness', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the CSP and the per-run token in the page', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.text).toContain(`<meta name="ipf-harness-token" content="${token}">`);
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await request({ path: p });
      expect(r.text, p).not.toContain('secret');
    }
  });

  it('answers a valid call through the real services', async () => {
    const r = await rpc('idCheck', { value: 'ZL201710601862.3' });
    expect(JSON.parse(r.text)).toEqual({ ok: true, value: { kind: 'patent', valid: true, normalized: 'ZL201710601862.3', reason: null } });
  });

  it('refuses calls without the token, from another Host, or not POST', async () => {
    expect((await rpc('appInfo', {}, {})).status).toBe(401);
    expect((await rpc('appInfo', {}, { [TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    expect(
      (await request({ method: 'POST', path: '/rpc/appInfo', headers: { host: 'evil.example:80', [TOKEN_HEADER]: token } })).status,
    ).toBe(403);
    expect((await request({ path: '/rpc/appInfo', headers: { [TOKEN_HEADER]: token } })).status).toBe(405);
  });

  it('rejects unknown calls, broken JSON and malformed input with nothing written', async () => {
    expect(JSON.parse((await rpc('deleteAll', {})).text)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect((await rpc('settingsUpdate', '{not json')).status).toBe(400);
    expect(JSON.parse((await rpc('settingsUpdate', { language: 'xx' })).text)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(rt.db!.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });
});
