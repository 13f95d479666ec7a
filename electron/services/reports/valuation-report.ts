/**
 * The valuation report as self-contained HTML (inline CSS and SVG, no scripts), in Chinese:
 * the assets, the method and every input, the result with its range, the distribution of
 * simulated values, the sensitivity chart, assumptions and limitations. Printed to PDF by
 * Chromium (Electron's printToPDF in the app, headless Chromium in the harness).
 */
import { formatChineseAmount, formatYuan } from '../../../shared/money';
import { IP_KIND_LABELS, type IpKind } from '../../../shared/domain/ip';
import { LEGACY_LOAN_RULE, LOAN_RULE } from '../../../shared/domain/loan-capacity';
import { formatDateTime } from '../../../shared/time';
import type { ValuationRunSummary } from '../../../shared/types/valuation';
import type { ValuationResult } from '../valuation/engine';
import type { PortfolioItem } from '../valuation/portfolio';
import { esc, REPORT_CSS } from './html';

export interface ReportData {
  summary: ValuationRunSummary;
  enterpriseName: string;
  items: PortfolioItem[];
  result: {
    items: { label: string; result: ValuationResult }[];
    shares: number[];
    total: number;
    uncertainty?: {
      paths: number;
      p10: number;
      p50: number;
      p90: number;
      mean: number;
      histogram: { from: number; to: number; count: number }[];
    };
    /** basis and basisFen are absent from runs stored before the loan rule (engine 1.0.0). */
    loan?: { amount: number; basis?: 'P10' | 'value'; basisFen?: number };
  };
  productName?: string;
}

const yuan = (v: number) => `${formatYuan(Math.round(v * 100))} 元`;
const big = (v: number) => formatChineseAmount(Math.round(v * 100));
const pct = (v: number) => `${(v * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The loan figure's basis and the rule it follows, stated once beside the figures. */
function loanRule(loan: NonNullable<ReportData['result']['loan']>): string {
  if (loan.basisFen === undefined) return `<p class="rule">${esc(LEGACY_LOAN_RULE)}</p>`;
  const basis = `${loan.basis === 'P10' ? '保守值 P10' : '评估值'} ${big(loan.basisFen / 100)}`;
  return `<p class="rule">${esc(LOAN_RULE)}本次以${esc(basis)}计，可支持贷款额度 ${esc(big(loan.amount))}。</p>`;
}

function histogramSvg(bins: { from: number; to: number; count: number }[], p10: number, p90: number): string {
  const W = 640,
    H = 200,
    pad = 30;
  const max = Math.max(...bins.map((b) => b.count), 1);
  const lo = bins[0]!.from,
    hi = bins[bins.length - 1]!.to;
  const x = (v: number) => pad + ((v - lo) / (hi - lo || 1)) * (W - 2 * pad);
  const bw = (W - 2 * pad) / bins.length;
  const bars = bins
    .map((b, i) => {
      const h = (b.count / max) * (H - 2 * pad);
      return `<rect x="${(pad + i * bw).toFixed(1)}" y="${(H - pad - h).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#4a78d8"/>`;
    })
    .join('');
  const mark = (v: number, label: string) =>
    `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${pad - 10}" y2="${H - pad}" stroke="#d4380d" stroke-dasharray="4 3"/><text x="${x(v).toFixed(1)}" y="${pad - 14}" font-size="11" text-anchor="middle" fill="#d4380d">${label}</text>`;
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg"><line x1="${pad}" x2="${W - pad}" y1="${H - pad}" y2="${H - pad}" stroke="#999"/>${bars}${mark(p10, 'P10')}${mark(p90, 'P90')}<text x="${pad}" y="${H - 10}" font-size="11">${esc(big(lo))}</text><text x="${W - pad}" y="${H - 10}" font-size="11" text-anchor="end">${esc(big(hi))}</text></svg>`;
}

function tornadoSvg(rows: NonNullable<ValuationResult['sensitivity']>, base: number): string {
  const names = { revenue: '收入', shareRate: '分成率', discountRate: '折现率' } as const;
  const W = 640,
    rowH = 34,
    left = 90,
    H = rows.length * rowH + 30;
  const all = rows.flatMap((r) => [r.valueAtLow, r.valueAtHigh]).concat(base);
  const lo = Math.min(...all),
    hi = Math.max(...all);
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (W - left - 20);
  const bars = rows
    .map((r, i) => {
      const y = 10 + i * rowH;
      const a = Math.min(r.valueAtLow, r.valueAtHigh),
        b = Math.max(r.valueAtLow, r.valueAtHigh);
      return `<text x="${left - 8}" y="${y + 18}" font-size="12" text-anchor="end">${names[r.input]}</text><rect x="${x(a).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(b) - x(a)).toFixed(1)}" height="${rowH - 12}" fill="#91b4f0"/>`;
    })
    .join('');
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">${bars}<line x1="${x(base).toFixed(1)}" x2="${x(base).toFixed(1)}" y1="4" y2="${H - 20}" stroke="#333"/><text x="${x(base).toFixed(1)}" y="${H - 6}" font-size="11" text-anchor="middle">基准 ${esc(big(base))}</text></svg>`;
}

export function valuationReportHtml(d: ReportData): string {
  const r = d.result;
  const u = r.uncertainty;
  const first = r.items.find((i) => i.result.sensitivity);
  const rows = r.items
    .map((i, n) => {
      const input = d.items[n]?.input;
      return `<tr><td>${esc(i.label)}</td><td>${esc(IP_KIND_LABELS[input?.asset.kind as IpKind] ?? '')}</td><td>${esc(input?.asset.filingDate ?? input?.asset.registrationDate ?? '')}</td><td>${esc(i.result.expiry ?? '续展不限')}</td><td class="num">${esc(yuan(i.result.value))}</td><td class="num">${esc(pct(r.shares[n] ?? 0))}</td></tr>`;
    })
    .join('');
  const params = d.items
    .map((i) => {
      const inc = i.input.income!;
      const k =
        inc.shareRate !== undefined ? pct(inc.shareRate) : `${pct(inc.shareRange!.min)}–${pct(inc.shareRange!.max)}，评分 ${inc.score}`;
      return `<tr><td>${esc(i.label)}</td><td>${esc(inc.revenue.map((v) => big(v)).join('、'))}</td><td>${esc(k)}</td><td>${esc(pct(inc.discountRate))}</td><td>${esc(i.input.loanToValue !== undefined ? pct(i.input.loanToValue) : '—')}</td></tr>`;
    })
    .join('');
  const working = r.items
    .map((i) => `<h4>${esc(i.label)}</h4><ol>${i.result.working.map((w) => `<li>${esc(w)}</li>`).join('')}</ol>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.summary.title)}</title>
<style>${REPORT_CSS}
  .rule { color: #444; margin: 8px 0 0; }
  ol { margin: 4px 0 0 18px; padding: 0; } li { margin: 2px 0; }
</style></head><body>
<h1>知识产权价值评估报告</h1>
<div class="meta">${esc(d.summary.title)} · 评估对象：${esc(d.enterpriseName)} · 评估基准日：${esc(d.items[0]?.input.valuationDate ?? '')} · 出具：${esc(d.summary.createdBy)}，${esc(formatDateTime(d.summary.createdAt))}</div>
<div class="meta">估值引擎 ${esc(d.summary.engineVersion)} · 指标集 ${esc(d.summary.indicatorSet)} · 记录编号 ${esc(d.summary.id)}</div>
<div class="figures">
  <div class="fig">组合评估值<b>${esc(big(r.total))}</b></div>
  ${u ? `<div class="fig">区间 P10 – P90<b>${esc(big(u.p10))} – ${esc(big(u.p90))}</b></div>` : ''}
  ${r.loan ? `<div class="fig">可支持贷款额度${d.productName ? `（${esc(d.productName)}）` : ''}<b>${esc(big(r.loan.amount))}</b></div>` : ''}
</div>
${r.loan ? loanRule(r.loan) : ''}
<section><h2>一、评估对象</h2><table><tr><th>知识产权</th><th>类型</th><th>申请/注册日</th><th>保护期至</th><th>评估值</th><th>占比</th></tr>${rows}</table></section>
<section><h2>二、评估方法与参数</h2><p>采用收益法：V = Σ<sub>t=1..n</sub> R<sub>t</sub> · k / (1+i)<sup>t</sup>。第 t 年为自基准日起的第 t 个整年，于年末折现；法定保护期届满的年份只计届满前的天数，此后各年不计收益。</p>
<table><tr><th>知识产权</th><th>各年收入</th><th>分成率 k</th><th>折现率 i</th><th>质押率</th></tr>${params}</table></section>
${u ? `<section><h2>三、结果及其区间</h2><p>蒙特卡洛模拟 ${u.paths} 次：P10 ${esc(yuan(u.p10))}，P50 ${esc(yuan(u.p50))}，P90 ${esc(yuan(u.p90))}，均值 ${esc(yuan(u.mean))}。</p>${histogramSvg(u.histogram, u.p10, u.p90)}</section>` : ''}
${first?.result.sensitivity ? `<section><h2>${u ? '四' : '三'}、敏感性分析（${esc(first.label)}）</h2><p>每次只让一个输入取其低值或高值，其余保持不变。</p>${tornadoSvg(first.result.sensitivity, first.result.value)}</section>` : ''}
<section><h2>计算过程</h2>${working}</section>
<section><h2>假设与限制</h2><ol>
  <li>收入预测由委托方提供或由服务管家与企业共同估计，本报告未对其进行审计。</li>
  <li>分成率、折现率及其波动区间为评估参数，行业经验范围见 GB/T 42748-2023《专利评估指引》及相关实务，指标集与权重为可配置的默认值。</li>
  <li>质押率取自所选银行产品的公开信息（弱信息），以银行最终审批为准；单笔 1000 万元以下贷款可由银行内部评估或协商确定价值。</li>
  <li>本报告仅用于知识产权质押融资参考，不构成资产评估机构出具的法定评估报告。</li>
</ol></section>
</body></html>`;
}
