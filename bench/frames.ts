/**
 * The longest gap between animation frames in a Chromium page, and the longest task of its own
 * JS: what "the renderer keeps painting" is measured by. The scripts are strings because tsx
 * would wrap a function with helpers the page lacks.
 */
import type { Page } from 'playwright-core';

export interface Frames {
  /** Longest gap between frames, ms. */
  gap: number;
  /** Longest task of the page's own JS, ms. */
  longTask: number;
}

/** Starts recording; the returned function stops and reads it. */
export async function recordFrames(page: Page): Promise<() => Promise<Frames>> {
  await page.evaluate(`(() => {
    window.__gap = 0;
    window.__stop = false;
    window.__longtask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtask = Math.max(window.__longtask, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => {
      window.__gap = Math.max(window.__gap, t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return async () => {
    const [gap, longTask] = (await page.evaluate('(() => { window.__stop = true; return [window.__gap, window.__longtask]; })()')) as [
      number,
      number,
    ];
    return { gap, longTask };
  };
}
