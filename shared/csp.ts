/**
 * Content-Security-Policy for the renderer, sent by both the Electron protocol handler and
 * the harness. Ant Design injects its CSS-in-JS as <style> elements, hence 'unsafe-inline'
 * for styles only; scripts come from the app's own origin and nothing else.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
