/**
 * The profile report (企业画像与资质自评报告) and, with a case, the bank package's PDF
 * (融资申请材料): one HTML document printed to PDF by the shell. Every figure comes from the
 * profile view (view.ts) and the case detail, so the report, the page and the spreadsheets agree.
 */
import { IP_KIND_LABELS } from '../../../shared/domain/ip';
import type { QualificationResult } from '../../../shared/domain/qualification';
import { formatWan } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time';
import type { CaseDetail } from '../../../shared/types/case';
import { esc, REPORT_CSS } from '../reports/html';
import { bucketChart, growthChart } from './charts';
import type { ProfileView } from './view';

const STATUS_TEXT = { met: '符合', not_met: '不符合', unknown: '待补充' } as const;
const RESULT_TEXT = { pass: '预计符合', fail: '不符合', unknown: '尚不能确定' } as const;
const wan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatWan(fen));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function checkSection(c: QualificationResult): string {
  const score = c.score
    ? `；得分 ${c.score.points ?? `${c.score.low}–${c.score.high}`} / ${c.score.max}（${c.score.pass} 分及以上通过）`
    : '';
  const rows = c.indicators
    .map(
      (i) =>
        `<tr><td>${esc(i.label)}${i.weak ? '<sup>*</sup>' : ''}</td><td>${esc(i.value)}</td><td>${esc(i.threshold)}</td><td>${esc(STATUS_TEXT[i.status])}</td><td class="num">${esc(i.points ?? (i.pointsRange ? `${i.pointsRange.low}–${i.pointsRange.high}` : ''))}${i.maxPoints ? ` / ${i.maxPoints}` : ''}</td></tr>`,
    )
    .join('');
  return `<section><h4>${esc(c.set.title)}（${esc(c.set.version)}）：${esc(RESULT_TEXT[c.result])}${c.route ? `（${esc(c.route)}）` : ''}${esc(score)}</h4>
<div class="meta">依据：${esc(c.set.source.number)}《${esc(c.set.source.title)}》${c.set.weak ? ' · 标准原文未能逐条核实（弱信息），结果仅供参考' : ''}</div>
<table><tr><th>指标</th><th>企业情况</th><th>要求</th><th>结论</th><th>分值</th></tr>${rows}</table>
${c.missing.length ? `<div class="meta">需补充：${esc(c.missing.join('；'))}</div>` : ''}</section>`;
}

function profileSections(v: ProfileView): string {
  const e = v.enterprise;
  const p = v.portfolio;
  const years = v.growth.years
    .map(
      (y) =>
        `<tr><td>${y.year}</td><td class="num">${esc(wan(y.revenueFen))}</td><td class="num">${esc(wan(y.rdFen))}</td><td class="num">${esc(pct(y.rdIntensity))}</td><td class="num">${esc(pct(y.revenueGrowth))}</td><td class="num">${esc(wan(y.netAssetsFen))}</td></tr>`,
    )
    .join('');
  const risks = p.risks.length
    ? `<ul>${p.risks.map((r) => `<li>${r.level === 'danger' ? '【风险】' : '【提示】'}${esc(r.message)}</li>`).join('')}</ul>`
    : '<p>未发现年费、保护期、权属或重复质押方面的风险。</p>';
  return `<h2>一、企业基本情况</h2>
<table><tr><th>企业名称</th><td>${esc(e.name)}</td><th>统一社会信用代码</th><td>${esc(e.uscc)}</td></tr>
<tr><th>所属区</th><td>${esc(e.district)}</td><th>行业</th><td>${esc(e.industry || '—')}</td></tr>
<tr><th>成立日期</th><td>${esc(e.foundedOn ?? '—')}</td><th>员工人数</th><td>${esc(e.employees ?? '—')}</td></tr>
<tr><th>科技人员 / 研发人员</th><td>${esc(v.facts?.techStaff ?? '—')} / ${esc(v.facts?.rdStaff ?? '—')}</td><th>已获资质</th><td>${esc(e.qualifications.join('、') || '—')}</td></tr></table>
<h2>二、知识产权结构</h2>
<div class="figures"><div class="fig">知识产权<b>${p.total} 项</b></div><div class="fig">有效<b>${p.live} 项</b></div><div class="fig">共有<b>${p.coOwned} 项</b></div><div class="fig">已质押<b>${p.pledged} 项（${pct(p.pledgedShare)}）</b></div></div>
<div class="charts">${bucketChart('按类型', p.byKind)}${bucketChart('有效项目的剩余保护期', p.byRemaining)}</div>
<div class="charts">${bucketChart('有效项目的申请年限', p.byAge)}${bucketChart('IPC 分类（小类）', p.ipc)}</div>
<h4>风险信号</h4>${risks}
<h2>三、成长性与研发强度</h2>
${v.growth.years.length ? `<div class="charts">${growthChart(v.growth)}</div><table><tr><th>年度</th><th>营业收入</th><th>研发费用</th><th>研发强度</th><th>营收增长</th><th>净资产</th></tr>${years}</table><div class="meta">营收年均增长率（复合）：${esc(pct(v.growth.revenueCagr))}</div>` : '<p>尚未填写年度财务数据（企业画像 → 补充数据）。</p>'}
<h2>四、资质自评</h2>
<p class="meta">自评日期 ${esc(v.asOf)}。自评按各认定标准逐项计算，仅供准备申报参考，不代替主管部门的认定；“待补充”表示缺少数据，不按 0 计。</p>
${v.checks.map(checkSection).join('')}`;
}

function bankSections(d: CaseDetail): string {
  const items = d.items
    .map(
      (i) =>
        `<tr><td>${esc(IP_KIND_LABELS[i.kind])}</td><td>${esc(i.displayNumber)}</td><td>${esc(i.title)}</td><td>${esc(i.owners.join('、'))}</td><td>${esc(i.assessment.expiresOn ?? '续展不限')}</td><td>${esc(i.assessment.pledgeable ? '可出质' : '不能出质')}${i.assessment.reasons.length ? `：${esc(i.assessment.reasons.map((r) => r.message).join('；'))}` : ''}</td></tr>`,
    )
    .join('');
  const docs = d.checklist.documents.map((x) => `<tr><td>${esc(x.label)}</td><td>${x.provided ? '已备' : '缺'}</td></tr>`).join('');
  const checks = d.checklist.checks
    .filter((c) => c.level !== 'ok')
    .map((c) => `<li>${esc(c.subject)}：${esc(c.message)}${c.confirmed ? '（已确认）' : ''}</li>`)
    .join('');
  const v = d.valuation;
  return `<h2>五、融资需求</h2>
<table><tr><th>融资需求</th><td>${esc(wan(d.record.needFen))}</td><th>期限</th><td>${esc(d.record.needTermMonths ? `${d.record.needTermMonths} 个月` : '—')}</td></tr>
<tr><th>资金用途</th><td colspan="3">${esc(d.record.purpose || '—')}</td></tr>
<tr><th>评估价值</th><td>${esc(wan(d.valueFen))}</td><th>估值记录</th><td>${v ? `${esc(v.title)}（${esc(formatDateTime(v.createdAt))}）：组合价值 ${esc(wan(v.totalFen))}${v.p10Fen !== null ? `，P10 ${esc(wan(v.p10Fen))}` : ''}` : '—'}</td></tr></table>
<h2>六、拟质押知识产权</h2>
<table><tr><th>类型</th><th>编号</th><th>名称</th><th>权利人</th><th>保护期至</th><th>能否出质</th></tr>${items || '<tr><td colspan="6">尚未选定质押物</td></tr>'}</table>
<h2>七、材料清单与待确认事项</h2>
<table><tr><th>材料</th><th>状态</th></tr>${docs}</table>
${checks ? `<ul>${checks}</ul>` : ''}`;
}

export function profileReportHtml(v: ProfileView, opts: { case?: CaseDetail; generatedAt: string; by: string }): string {
  const title = opts.case ? '知识产权质押融资申请材料' : '企业画像与资质自评报告';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${REPORT_CSS}
  .charts { display: flex; gap: 8px; margin-top: 8px; } ul { margin: 4px 0 0 18px; padding: 0; } sup { color: #999; }
</style></head><body>
<h1>${esc(title)}</h1>
<div class="meta">${esc(v.enterprise.name)} · 数据截至 ${esc(v.asOf)} · ${esc(opts.by)} 于 ${esc(formatDateTime(opts.generatedAt))} 由知融工作台生成</div>
${profileSections(v)}
${opts.case ? bankSections(opts.case) : ''}
<h2>数据来源与局限</h2>
<p class="meta">企业与知识产权数据来自本机记录（${esc(v.assets.length)} 项知识产权，按记录中的法律状态和年费信息计算，未实时查询国家知识产权局）；年度财务、人员、获奖等由管家根据企业提供的材料填写。带 * 的指标其标准原文未能核实。</p>
</body></html>`;
}
