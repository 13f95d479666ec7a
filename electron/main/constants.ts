/** The renderer is served from app://ipf/ rather than file:// (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ipf';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
