// jsdom lacks a few browser APIs Ant Design relies on for responsive layout.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// getComputedStyle with a pseudo-element is not implemented in jsdom; antd calls it for scrollbars.
const original = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => original(elt);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
