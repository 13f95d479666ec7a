/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What every printed report shares: A4, the CJK font stack, headings, bordered tables, right-aligned numbers. */
export const REPORT_CSS = `
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 12px; color: #222; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 15px; border-bottom: 2px solid #1d5fd1; padding-bottom: 4px; margin-top: 22px; } h4 { margin: 10px 0 4px; }
  table { width: 100%; border-collapse: collapse; margin-top: 8px; } th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; } th { background: #f0f4fb; }
  .num { text-align: right; white-space: nowrap; } .meta { color: #666; } .figures { display: flex; gap: 12px; margin-top: 10px; }
  .fig { flex: 1; border: 1px solid #d6e0f5; border-radius: 6px; padding: 8px 10px; } .fig b { display: block; font-size: 18px; margin-top: 4px; color: #1d5fd1; }
  section { page-break-inside: avoid; }`;

/** How a report is printed: its header line on every page and "第 N 页 / 共 M 页" at the foot. */
export interface PrintOptions {
  header?: string;
}

/** The header and footer templates both printers (Electron's printToPDF, Chromium's page.pdf) take. */
export function pageTemplates(opts: PrintOptions): { displayHeaderFooter: boolean; headerTemplate: string; footerTemplate: string } | null {
  if (!opts.header) return null;
  const style =
    "font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 8px; color: #666; width: 100%; padding: 0 14mm;";
  return {
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}">${esc(opts.header)}</div>`,
    footerTemplate: `<div style="${style} text-align: center;">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`,
  };
}
