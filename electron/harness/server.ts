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

/** Past this much the client is not worth listening to: the connection is dropped. */
const MAX_DRAIN = 8 * MAX_BODY;

/**
 * The body as text, or null when it is over MAX_BODY. An oversized body is read to its end
 * and thrown away, so the 413 reaches the client instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > MAX_DRAIN) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => reject(new Error('request closed before its end')));
  });
}

/**
 * The path of an origin-form request target ("/a/b?q"), percent-decoded, or null for
 * anything else ("*", "http://…", "//host…", a bad escape): URL parsers read those as other
 * hosts or throw, and no route of ours looks like them.
 */
export function requestPath(target: string | undefined): { raw: string; decoded: string } | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  const raw = target.split(/[?#]/, 1)[0]!;
  try {
    return { raw, decoded: decodeURIComponent(raw) };
  } catch {
    return null;
  }
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

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.headers.host !== expectedHost)
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '主机名不被允许' } });
    const target = requestPath(req.url);
    if (!target) return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求路径无效' } });
    if (target.raw.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '只接受 POST' } });
      if (req.headers[TOKEN_HEADER] !== token) return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: '令牌无效' } });
      const body = await readBody(req);
      if (body === null)
        return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: `请求体过大（上限 ${MAX_BODY / 1024 / 1024} MB）` } });
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' } });
      }
      return send(res, 200, await dispatch(target.decoded.slice(5), input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { ok: false, error: { code: 'UNKNOWN_METHOD', message: '不支持的方法' } });
    const file = resolveStaticFile(staticDir, target.raw);
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
  }

  // Whatever one request does (a client gone mid-body, a file gone mid-read), the process
  // stays up: any web page the developer opens can send us anything.
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '调试服务未能处理该请求' } });
      else res.destroy();
    });
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
