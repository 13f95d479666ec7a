import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp';
import { registerAppProtocol } from './protocol';

const tmp = tempDir();
let handler: (req: Request) => Promise<Response>;

beforeAll(() => {
  const dir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), '<html></html>');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
  registerAppProtocol({ handle: (_scheme: string, h: (req: Request) => Promise<Response>) => (handler = h) } as never, dir);
});
afterAll(() => tmp.cleanup());

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const r = await handler(new Request('app://ipf/index.html'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await r.text()).toBe('<html></html>');
  });

  it('refuses other hosts and anything outside the renderer folder', async () => {
    for (const url of ['app://other/index.html', 'app://ipf/../secret.txt', 'app://ipf/%2e%2e/secret.txt', 'app://ipf/..%2fsecret.txt']) {
      const r = await handler(new Request(url));
      expect(await r.text(), url).not.toContain('secret');
    }
  });
});
