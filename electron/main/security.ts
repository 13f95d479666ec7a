import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './constants';

/** Hosts the app may open in the user's browser (policy pages, CNIPA); https only. */
export const EXTERNAL_HOSTS = ['www.cnipa.gov.cn', 'cpquery.cponline.cnipa.gov.cn', 'www.sz.gov.cn', 'amr.sz.gov.cn'];

export function isVettedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && EXTERNAL_HOSTS.includes(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Denies every permission request (camera, notifications, geolocation…): the app needs none. */
export function lockDownSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * No navigation away from the app, no new windows, no <webview>. A vetted https link is
 * handed to the system browser instead of opening inside the app.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
