import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportError } from './app/ErrorBoundary';
import './i18n';
import './app.css';

// Errors outside React's tree (event handlers, promises) still reach the log.
window.addEventListener('error', (e) => void reportError(e.message, e.error instanceof Error ? e.error.stack : undefined));
window.addEventListener('unhandledrejection', (e) => void reportError(String(e.reason), e.reason instanceof Error ? e.reason.stack : undefined));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
