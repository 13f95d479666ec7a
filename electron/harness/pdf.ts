import type { Browser } from 'playwright-core';
import { pageTemplates, type PrintOptions } from '../services/reports/html';

/**
 * HTML → PDF for the harness with Debian's Chromium (the app uses Electron's printToPDF).
 * One browser is started on first use and reused; playwright itself is loaded then too (it costs
 * the harness's start about half a second otherwise).
 */
export function createChromiumPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  let browser: Promise<Browser> | null = null;
  return {
    async print(html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
      browser ??= import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        }),
      );
      const page = await (await browser).newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, ...pageTemplates(opts) }));
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
