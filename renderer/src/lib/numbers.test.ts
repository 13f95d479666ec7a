import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseUpdate, paymentInput, pledgeInput } from '../../../shared/schemas/case';
import { numberRule, numberText, readNumber } from './numbers';

const check = async (rule: ReturnType<typeof numberRule>, text: string) => {
  try {
    await (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('number fields', () => {
  const need = numberRule(caseUpdate.shape.needFen, 'wan');
  it('refuses what the service would refuse, with its message, instead of clamping', async () => {
    expect(await check(need, '-500')).toBe('融资需求应大于 0');
    expect(await check(need, '99999999999')).toBe('融资需求不能超过 100 亿元');
    expect(await check(need, '12a')).toBe('请输入数字');
    expect(await check(need, '1.0000001')).toBe('金额最多精确到分（万元小数点后 6 位）');
    expect(await check(need, '500')).toBeNull();
    expect(await check(need, '')).toBeNull();
    expect(await check(numberRule(paymentInput.shape.amountFen, 'yuan'), '-5000')).toBe('支付金额应大于 0');
    expect(await check(numberRule(pledgeInput.shape.ratePercent, 'plain'), '345')).toBe('年利率不能大于 36%');
  });

  it('names the bound of a fraction typed as a percentage in percent', async () => {
    const rate = z.number().gt(0).lt(1);
    expect(await check(numberRule(rate, 'percent', { label: '折现率' }), '-5')).toBe('折现率应大于 0%');
    expect(await check(numberRule(rate, 'percent', { label: '折现率' }), '100')).toBe('折现率应小于 100%');
    expect(await check(numberRule(z.number().min(0).max(1), 'percent', { label: '分成率' }), '150')).toBe('分成率不能高于 100%');
    expect(await check(numberRule(rate, 'percent', { label: '折现率' }), '12')).toBeNull();
  });

  it('keeps amounts exact to the fen between the field and the store', () => {
    expect(readNumber('123.456789', 'wan')).toBe(123_456_789);
    expect(numberText(123_456_789, 'wan')).toBe('123.456789');
    expect(numberText(500_000_000, 'wan')).toBe('500');
    expect(readNumber('12', 'percent')).toBeCloseTo(0.12, 12);
    expect(numberText(0.12, 'percent')).toBe('12');
    expect(readNumber('  ', 'wan')).toBeNull();
  });
});
