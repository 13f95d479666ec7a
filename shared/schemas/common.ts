import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const isoDate = z.string().refine(isIsoDate, { message: '日期应为有效的 YYYY-MM-DD' });
export const fen = z.number().int('金额应精确到分').min(0, '金额不能为负').max(1e15, '金额过大');
export const shortText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);
export const id = z.string().min(1).max(64);
