import fs from 'node:fs/promises';
import type { Protocol } from 'electron';
import { RENDERER_CSP } from '../../shared/csp';
import { contentTypeOf, resolveStaticFile } from '../services/static-files';
import { APP_HOST, APP_SCHEME } from './constants';

/** Must run before app 'ready': app:// behaves like https for the page (secure, fetch, storage). */
export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
};

/** Serves the built renderer from app://ipf/ with the CSP, nothing outside its folder. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await fs.readFile(file), {
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
