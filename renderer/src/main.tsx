import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportError } from './app/ErrorBoundary';
import 'antd/dist/antd.css';
import './i18n';
import './app.css';

// Errors outside React's tree (event handlers, promises) still reach the log.
window.addEventListener('error', (e) => void reportError(e.message, e.error instanceof Error ? e.error.stack : undefined));
window.addEventListener(
  'unhandledrejection',
  (e) => void reportError(describe(e.reason), e.reason instanceof Error ? e.reason.stack : undefined),
);

/** A rejection reason as text for the log ("[object Object]" tells nobody anything). */
function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (reason && typeof reason === 'object') {
    try {
      return JSON.stringify(reason).slice(0, 2000);
    } catch {
      return Object.prototype.toString.call(reason);
    }
  }
  return String(reason);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
