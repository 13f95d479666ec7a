import { describe, expect, it } from 'vitest';
import { guidanceChecklist } from './guidance';
import { assessPledgeability } from './pledgeability';
import { checkRegistration, type RegistrationDraft, type RegistrationItem } from './registration';

const TODAY = '2026-11-22';
const OWNER = '深圳市登记测试有限公司';
const item = (id: string, over: Partial<Parameters<typeof assessPledgeability>[0]> = {}): RegistrationItem => {
  const asset = {
    kind: 'invention' as const,
    legalStatus: 'granted' as const,
    filingDate: '2010-03-01',
    grantDate: '2012-01-01',
    feePaidThrough: '2027-03-01',
    owners: [OWNER],
    pledged: false,
    suspended: false,
    underInvalidation: false,
    sameDayInvention: false,
    ...over,
  };
  return { id, label: `专利${id}`, kind: asset.kind, assessment: assessPledgeability(asset, OWNER, TODAY) };
};
const DRAFT: RegistrationDraft = {
  pledgor: OWNER,
  pledgee: '某银行',
  loanContractNo: 'JK-1',
  loanFen: 100,
  loanStart: '2026-01-01',
  loanEnd: '2027-01-01',
  pledgeContractNo: 'ZY-1',
  securedFen: 100,
  pledgeStart: '2026-01-01',
  pledgeEnd: null,
};

describe('registration pre-filing check', () => {
  it('refuses a debt period that runs past a patent expiry, naming the dates', () => {
    // Filed 2010-03-01: an invention expires 2030-03-01.
    const r = checkRegistration({ ...DRAFT, loanEnd: '2030-06-30' }, [item('a')], {});
    expect(r.ok).toBe(false);
    expect(r.lines.map((l) => l.message)).toContain('债务履行期至 2030-06-30，超过保护期届满日 2030-03-01');
    expect(checkRegistration(DRAFT, [item('a')], {}).ok).toBe(true);
  });

  it('names every missing contract term', () => {
    const r = checkRegistration({ ...DRAFT, loanContractNo: ' ', securedFen: null, pledgeStart: null }, [item('a')], {});
    expect(r.lines[0]).toMatchObject({
      code: 'contract_terms',
      level: 'block',
      message: '缺少必要条款：主合同编号、担保债权数额、质押期限起始日',
    });
  });

  it('needs risk and co-owner lines confirmed, and the Excel list above 10 patents', () => {
    const risky = item('b', { underInvalidation: true, owners: [OWNER, '某大学'] });
    const open = checkRegistration(DRAFT, [risky], {});
    expect(open.ok).toBe(false);
    expect(open.lines.filter((l) => l.confirmKey).map((l) => l.confirmKey)).toEqual(['b:co_owners', 'b:under_invalidation']);
    expect(checkRegistration(DRAFT, [risky], { 'b:co_owners': true, 'b:under_invalidation': true }).ok).toBe(true);
    const many = Array.from({ length: 11 }, (_, n) => item(String(n)));
    expect(checkRegistration(DRAFT, many, {}).needsExcelList).toBe(true);
    expect(checkRegistration(DRAFT, many.slice(1), {}).needsExcelList).toBe(false);
  });

  it('pre-loan checklist: the need term against expiry, co-owner consent as a document, a young enterprise warned', () => {
    const c = guidanceChecklist({
      enterprise: { foundedOn: '2025-06-01', qualifications: [] },
      items: [item('a'), item('b', { owners: [OWNER, '某大学'] })],
      needTermMonths: 48,
      confirmations: {},
      documents: { licence: true },
      today: TODAY,
    });
    expect(c.checks.map((l) => l.code)).toEqual([
      'young_enterprise',
      'short_term',
      'debt_past_expiry',
      'co_owners',
      'short_term',
      'debt_past_expiry',
      'register_checked',
      'no_dispute',
      'bank_contacted',
    ]);
    expect(c.blockedItems).toBe(2);
    expect(c.missingDocuments).toContain('全体共有人同意出质的书面文件');
    expect(c.missingDocuments).not.toContain('营业执照');
  });

  it('checks the loan against what the valuation supports under the chosen product, warn or block as the product says', () => {
    const loan = { ...DRAFT, loanFen: 800_000_000, securedFen: 800_000_000 };
    const supports = { productName: '中国银行 知惠贷', capacityFen: 56_540_000, onExcess: 'warn' as const };
    const warned = checkRegistration(loan, [item('a')], {}, supports);
    const line = warned.lines.find((l) => l.code === 'loan_over_capacity')!;
    expect(line).toMatchObject({
      level: 'warn',
      subject: '贷款额度',
      message: '主债权数额 800.00 万元，超过估值可支持的贷款额度 56.54 万元（中国银行 知惠贷），请确认银行已同意按此金额放款',
    });
    // Not 全部通过 until the steward confirms the bank lends that much anyway.
    expect(warned.ok).toBe(false);
    expect(checkRegistration(loan, [item('a')], { [line.confirmKey!]: true }, supports).ok).toBe(true);
    const blocked = checkRegistration(loan, [item('a')], { [line.confirmKey!]: true }, { ...supports, onExcess: 'block' });
    expect(blocked.ok).toBe(false);
    expect(blocked.lines.find((l) => l.code === 'loan_over_capacity')).toMatchObject({
      level: 'block',
      message: expect.stringContaining('该产品不允许超过可支持额度放款'),
    });
    // Within the amount, or with no valuation to compare, there is no line.
    expect(
      checkRegistration({ ...loan, loanFen: 56_540_000, securedFen: 56_540_000 }, [item('a')], {}, supports).lines.map((l) => l.code),
    ).not.toContain('loan_over_capacity');
    expect(checkRegistration(loan, [item('a')], {}, null).ok).toBe(true);
  });
});
