import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { enterpriseFilter, entryFilter, ipFilter } from '../../../shared/schemas/queries';
import { exportList, type ExportRequest } from '../../services/exporters/export-list';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';

const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: '所在文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，请给出文件名',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '所在磁盘只读',
  ENOSPC: '磁盘已满',
  EBUSY: '文件正被其他程序占用（如已在 Excel 中打开），请关闭后重试',
};

/** Writes the file; a reason in Chinese when the system refuses (null when written). */
export function writeOut(file: string, bytes: Uint8Array): string | null {
  try {
    fs.writeFileSync(file, bytes);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return `无法写入输出文件“${file}”：${WRITE_PROBLEMS[code] ?? `系统拒绝写入（${code || (e as Error).message}）`}`;
  }
}

/** In JSON, each record with the field names sync uses (those `enterprise set` takes). */
const JSON_ENTITIES = { enterprises: 'enterprise', ip: 'ip_asset', whitelist: 'whitelist_entry' } as const;

function recordsAsJson(db: Database, entity: string): Record<string, unknown>[] {
  const rows = db.prepare('SELECT id, data FROM sync_records WHERE entity = ? AND deleted = 0 ORDER BY id').all(entity) as {
    id: string;
    data: string;
  }[];
  return rows.map((r) => ({ id: r.id, ...(JSON.parse(r.data) as Record<string, unknown>) }));
}

const FILTERS = { enterprises: enterpriseFilter, ip: ipFilter, whitelist: entryFilter } as const;

export const exportCommand: Command = {
  name: 'export',
  usage: "export <enterprises|ip|whitelist> --format xlsx|csv|json --out <文件> [--filter '<JSON>'] --db <数据库>   导出筛选后的列表",
  async run({ positionals, options }) {
    const [kind] = positionals;
    if (kind !== 'enterprises' && kind !== 'ip' && kind !== 'whitelist')
      return usageError('用法：export <enterprises|ip|whitelist> --format xlsx|csv --out <文件>');
    const format = options.format ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv' && format !== 'json') return usageError('--format 应为 xlsx、csv 或 json');
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
    if (!parsed.success)
      return usageError(`筛选条件无效：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
    const { db, env } = openForCli(options);
    try {
      if (format === 'json') {
        if (options.filter !== undefined) return usageError('--format json 导出全部记录，不支持 --filter');
        const records = recordsAsJson(db, JSON_ENTITIES[kind]);
        const problem = writeOut(options.out, new TextEncoder().encode(JSON.stringify(records, null, 2)));
        if (problem) return { exitCode: 1, output: { error: new AppError('INVALID_INPUT', problem).toInfo() } };
        return { exitCode: 0, output: { kind, format, rows: records.length, out: options.out } };
      }
      const out = await exportList(db, { kind, filter: parsed.data } as ExportRequest, format, env.today);
      const problem = writeOut(options.out, out.bytes);
      if (problem) return { exitCode: 1, output: { error: new AppError('INVALID_INPUT', problem).toInfo() } };
      return { exitCode: 0, output: { kind, format, rows: out.rows, out: options.out } };
    } catch (e) {
      if (e instanceof AppError) return { exitCode: 1, output: { error: e.toInfo() } };
      throw e;
    } finally {
      db.close();
    }
  },
};
