import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RENDERER_CSP } from '../../shared/csp';
import type { Dispatch } from '../services/rpc/dispatch';
import { contentTypeOf, resolveStaticFile } from '../services/static-files';

export const TOKEN_HEADER = 'x-ipf-token';
const MAX_BODY = 5 * 1024 * 1024;

export interface HarnessOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
  port?: number;
}

export interface Harness {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Development and test only: serves the built renderer and the contract over HTTP on
 * 127.0.0.1 so headless Chromium can drive the real app without Electron. The per-run token
 * is put into the served page; other local pages cannot read it (same-origin policy) and the
 * Host check defeats DNS rebinding.
 */
export function startHarness({ dispatch, staticDir, token, port = 0 }: HarnessOptions): Promise<Harness> {
  const indexFile = `${staticDir}/index.html`;
  if (!fs.existsSync(indexFile)) {
    return Promise.reject(new Error(`渲染进程尚未构建：找不到 ${indexFile}，请先运行 npm run build:renderer`));
  }
  let expectedHost = '';
  const server = http.createServer(async (req, res) => {
    if (req.headers.host !== expectedHost) return send(res, 403, { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '主机名不被允许' } });
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '只接受 POST' } });
      if (req.headers[TOKEN_HEADER] !== token) return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: '令牌无效' } });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' } });
      }
      return send(res, 200, await dispatch(decodeURIComponent(url.pathname.slice(5)), input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '不支持的方法' } });
    const file = resolveStaticFile(staticDir, url.pathname);
    if (!file) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未找到' } });
    let body: Buffer | string = fs.readFileSync(file);
    if (file === indexFile || file.endsWith('index.html')) {
      body = body.toString('utf8').replace('</head>', `<meta name="ipf-harness-token" content="${token}"></head>`);
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      expectedHost = `127.0.0.1:${actual}`;
      resolve({
        url: `http://${expectedHost}/`,
        port: actual,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
