import type { Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../../shared/csp';
import { APP_ORIGIN } from './constants';

/**
 * Denies every permission request (camera, notifications, geolocation…): the app needs
 * none. Also stamps the CSP on every response, in case anything is ever served to a window
 * other than through the app:// handler.
 */
export function lockDownSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}

/**
 * No navigation away from the app, no new windows, no <webview>. The app has no external
 * links yet, so nothing is handed to the system browser (see the issue note).
 */
export function hardenWebContents(contents: WebContents): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
