import { describe, expect, it } from 'vitest';
import { describeEvent } from './audit-view';

describe('audit trail as people read it', () => {
  it('names fields in Chinese and shows amounts with their unit, not fen or JSON', () => {
    const lines = describeEvent('pledge', { loanFen: 500_000_000, ratePercent: 3.45 }, { loanFen: 800_000_000, ratePercent: 3.2 });
    expect(lines).toEqual([
      { field: '贷款金额', before: '500.00 万元', after: '800.00 万元' },
      { field: '年利率', before: '3.45%', after: '3.2%' },
    ]);
  });

  it('hides ids and labels statuses by the record they belong to', () => {
    expect(
      describeEvent('payment', null, { id: '0190a0b2-0000-7000-8000-000000000000', caseId: 'x', kind: 'interest', amountFen: 1234 }),
    ).toEqual([
      { field: '类型', before: '', after: '利息' },
      { field: '金额', before: '', after: '12.34 元' },
    ]);
    expect(describeEvent('subsidy_status', { status: 'submitted' }, { status: 'approved' })).toEqual([
      { field: '状态', before: '已提交', after: '已批准' },
    ]);
    expect(describeEvent('pledge_status', { status: 'submitted' }, { status: 'registered', regNo: 'Y2026' })[0]).toEqual({
      field: '状态',
      before: '已提交',
      after: '已登记',
    });
    expect(describeEvent('move_advance', { stage: 'guidance', paused: false }, { stage: 'valuation', paused: false })).toEqual([
      { field: '阶段', before: '贷前指导', after: '价值评估' },
    ]);
  });

  it('lists confirmations by name and counts item-level ones instead of showing their ids', () => {
    const [line] = describeEvent(
      'update',
      { confirmations: { register_checked: false } },
      { confirmations: { register_checked: true, '0190a0b2-aaaa:under_invalidation': true } },
    );
    expect(line).toEqual({ field: '确认事项', before: '无', after: '已在专利登记簿核对权利人、法律状态和年费、质押物风险确认 1 项' });
  });

  it('lists subsidy materials by their names', () => {
    expect(
      describeEvent('subsidy_materials', { materials: { 营业执照: true } }, { materials: { 营业执照: true, 贴息申请表: true } }),
    ).toEqual([{ field: '申报材料', before: '营业执照', after: '营业执照、贴息申请表' }]);
  });

  it('shows a list of item numbers as one line', () => {
    expect(describeEvent('items', ['2017106018623'], ['2017106018623', '2019200000017'])).toEqual([
      { field: '内容', before: '2017106018623', after: '2017106018623、2019200000017' },
    ]);
  });
});
