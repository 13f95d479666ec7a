import { message } from 'antd';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { useTourStore } from './tour-store';

/**
 * Enters or leaves 培训模式. Every page's data changes with the database, so the app starts
 * afresh on the 培训 page (a reload; the main process keeps the mode).
 */
export async function switchMode(to: 'enter' | 'leave'): Promise<void> {
  try {
    await (to === 'enter' ? api().sandboxEnter({}) : api().sandboxLeave({}));
  } catch (err) {
    void message.error({ content: err instanceof Error ? err.message : String(err), duration: 6 });
    return;
  }
  // A walkthrough follows a sandbox case: it ends with the sandbox.
  if (to === 'leave') useTourStore.getState().stop();
  navigate('training');
  window.location.reload();
}
