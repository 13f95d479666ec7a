import fs from 'node:fs';
import { enterpriseFilter, entryFilter, ipFilter } from '../../../shared/schemas/queries';
import { exportList, type ExportRequest } from '../../services/exporters/export-list';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';

const FILTERS = { enterprises: enterpriseFilter, ip: ipFilter, whitelist: entryFilter } as const;

export const exportCommand: Command = {
  name: 'export',
  usage: "export <enterprises|ip|whitelist> --format xlsx|csv --out <文件> [--filter '<JSON>'] --db <数据库>   导出筛选后的列表",
  async run({ positionals, options }) {
    const [kind] = positionals;
    if (kind !== 'enterprises' && kind !== 'ip' && kind !== 'whitelist') return usageError('用法：export <enterprises|ip|whitelist> --format xlsx|csv --out <文件>');
    const format = options.format ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') return usageError('--format 应为 xlsx 或 csv');
    if (typeof options.out !== 'string') return usageError('请用 --out 指定输出文件');
    let filter: unknown = {};
    if (typeof options.filter === 'string') {
      try {
        filter = JSON.parse(options.filter);
      } catch {
        return usageError('--filter 不是有效的 JSON');
      }
    }
    const parsed = FILTERS[kind].safeParse(filter);
    if (!parsed.success) return usageError(`筛选条件无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
    const { db, env } = openForCli(options);
    try {
      const out = await exportList(db, { kind, filter: parsed.data } as ExportRequest, format, env.today);
      fs.writeFileSync(options.out, out.bytes);
      return { exitCode: 0, output: { kind, format, rows: out.rows, out: options.out } };
    } finally {
      db.close();
    }
  },
};
