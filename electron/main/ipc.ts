import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, METHOD_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../services/rpc/dispatch';
import type { Logger } from '../services/logger';
import { APP_ORIGIN } from './constants';

/**
 * A call is trusted only from the top frame of one of our own windows showing our own
 * origin; an iframe, a navigated-away page or another webContents is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, trusted: (wc: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!trusted(event.sender)) return false;
  try {
    // WHATWG URL gives a custom scheme the opaque origin "null", so compare its parts.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  trusted: (wc: WebContents) => boolean,
  logger: Logger,
): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, trusted)) {
        logger.warn(`refused ${method} from ${event.senderFrame?.url ?? 'unknown frame'}`);
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '调用来源不受信任，已拒绝。' } };
      }
      return dispatch(method, input);
    });
  }
}
