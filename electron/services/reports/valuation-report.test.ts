import { describe, expect, it } from 'vitest';
import { LEGACY_LOAN_RULE, LOAN_RULE } from '../../../shared/domain/loan-capacity';
import { formatChineseAmount } from '../../../shared/money';
import { value } from '../valuation/engine';
import { valuePortfolio } from '../valuation/portfolio';
import { valuationReportHtml } from './valuation-report';

const input = {
  valuationDate: '2026-01-01',
  asset: { kind: 'invention' as const, filingDate: '2015-07-01' },
  approach: 'income' as const,
  income: { revenue: [10_000_000, 11_000_000, 12_000_000], shareRate: 0.03, discountRate: 0.12 },
  uncertainty: { paths: 1000, seed: 1, revenue: { type: 'triangular' as const, min: 0.8, mode: 1, max: 1.1 } },
  loanToValue: 0.25,
};

describe('valuation report HTML', () => {
  it('has every section the issue asks for, and no script', () => {
    const items = [{ label: '201710601862.3 <script>alert(1)</script>', input }];
    const html = valuationReportHtml({
      summary: {
        id: 'r1',
        enterpriseId: 'e1',
        title: '测试 & 报告',
        engineVersion: '1.0.0',
        indicatorSet: 'gbt42748-financing@2026.1',
        items: 1,
        totalFen: 1,
        p10Fen: 1,
        loanFen: 1,
        createdBy: '张管家',
        createdAt: '2026-11-22T08:00:00.000Z',
      },
      enterpriseName: '深圳市“测试”有限公司',
      items,
      result: valuePortfolio(items),
      productName: '中国银行 知惠贷',
    });
    for (const part of [
      '一、评估对象',
      '二、评估方法与参数',
      '三、结果及其区间',
      '敏感性分析',
      '计算过程',
      '假设与限制',
      '<svg',
      '可支持贷款额度（中国银行 知惠贷）',
    ])
      expect(html).toContain(part);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('测试 &amp; 报告');
    expect(html).toContain(value(input).working[2]!.slice(0, 30));
  });

  it('shows the portfolio loan next to its P10 and states the one rule it follows', () => {
    const items = [
      { label: '专利甲', input },
      { label: '专利乙', input: { ...input, uncertainty: { ...input.uncertainty, seed: 2 } } },
    ];
    const result = valuePortfolio(items);
    const summary = {
      id: 'r2',
      enterpriseId: 'e1',
      title: '组合',
      engineVersion: '1.1.0',
      indicatorSet: 'x@1',
      items: 2,
      totalFen: result.totalFen,
      p10Fen: result.loan!.basisFen,
      loanFen: result.loan!.amountFen,
      createdBy: '张管家',
      createdAt: '2026-11-22T08:00:00.000Z',
    };
    const html = valuationReportHtml({ summary, enterpriseName: '深圳市测试有限公司', items, result, productName: '中国银行 知惠贷' });
    expect(result.loan!.amountFen).toBe(Math.round(result.loan!.basisFen * 0.25));
    expect(html).toContain(`可支持贷款额度（中国银行 知惠贷）<b>${formatChineseAmount(result.loan!.amountFen)}</b>`);
    expect(html).toContain(LOAN_RULE);
    expect(html).not.toContain('贷款额度以保守值 P10 乘以质押率计算');
    // A run stored before the rule says how its figure was worked out instead.
    const old = valuationReportHtml({
      summary,
      enterpriseName: '深圳市测试有限公司',
      items,
      result: { ...result, loan: { amount: 1 } },
      productName: '中国银行 知惠贷',
    });
    expect(old).toContain(LEGACY_LOAN_RULE);
    expect(old).not.toContain(LOAN_RULE);
  });
});
