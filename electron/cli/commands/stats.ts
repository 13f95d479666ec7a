/**
 * `stats --year 2024 [--district 南山[,光明]]`: the dashboard's figures for a year as JSON, the
 * same function the 统计看板 page calls, so a script and the screen agree.
 */
import { growthText } from '../../../shared/domain/stats';
import { statsFilter } from '../../../shared/schemas/stats';
import { dashboard } from '../../services/stats/dashboard';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats --year <年份> [--district 南山,光明] --db <数据库>   输出一年的统计数字（JSON，与统计看板一致）',
  run({ options }) {
    if (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year))
      return usageError('用法：stats --year <四位年份> [--district 南山]');
    const districts = typeof options.district === 'string' ? options.district.split(/[,，、]/).filter(Boolean) : [];
    const parsed = statsFilter.safeParse({ from: `${options.year}-01-01`, to: `${options.year}-12-31`, districts });
    if (!parsed.success) return usageError(`参数错误：${parsed.error.issues.map((i) => i.message).join('；')}`);
    const { db } = openForCli(options);
    try {
      const view = dashboard(db, parsed.data, new Date().toISOString());
      // 同比 also in words, as the dashboard shows it.
      const words = <T extends { countGrowth: Parameters<typeof growthText>[0]; amountGrowth: Parameters<typeof growthText>[0] }>(
        s: T,
      ) => ({
        ...s,
        countGrowthText: growthText(s.countGrowth),
        amountGrowthText: growthText(s.amountGrowth),
      });
      const r = view.registrations;
      return {
        exitCode: 0,
        output: {
          ...view,
          registrations: {
            ...r,
            total: words(r.total),
            byDistrict: r.byDistrict.map(words),
            byBank: r.byBank.map(words),
            byKind: r.byKind.map(words),
          },
        },
      };
    } finally {
      db.close();
    }
  },
};
