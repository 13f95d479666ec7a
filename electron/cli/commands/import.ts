import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_KINDS, KINDS, type ImportKind } from '../../services/importers/kinds';
import { mappingProblems, suggestMapping } from '../../services/importers/mapping';
import { readTable } from '../../services/importers/read-table';
import { runImport } from '../../services/importers/run-import';
import { AppError } from '../../../shared/errors';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';

/** Without --kind, the kind whose required columns all appear in the file (enterprises first). */
function guessKind(headers: string[]): ImportKind | null {
  const order: ImportKind[] = ['whitelist', 'ip', 'enterprises'];
  const fits = order.filter((k) => mappingProblems(suggestMapping(headers, KINDS[k].fields), KINDS[k].fields, headers.length).length === 0);
  return fits.includes('enterprises') && fits.includes('whitelist')
    ? headers.some((h) => h.includes('批次'))
      ? 'whitelist'
      : 'enterprises'
    : (fits[0] ?? null);
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import <文件.xlsx|.csv> [--kind enterprises|ip|whitelist] [--dry-run] --db <数据库>   导入并输出逐行报告',
  async run({ positionals, options }) {
    const [file] = positionals;
    if (!file) return usageError('用法：import <文件> [--kind enterprises|ip|whitelist] [--dry-run] --db <数据库文件>');
    if (options.kind !== undefined && !IMPORT_KINDS.includes(options.kind as ImportKind))
      return usageError(`--kind 应为 ${IMPORT_KINDS.join('、')}`);
    if (!fs.existsSync(file)) return usageError(`找不到文件：${file}`);
    let table;
    try {
      table = await readTable(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    } catch (e) {
      // A damaged or foreign file is the input's fault, not ours: its reason, not a stack.
      if (e instanceof AppError) return { exitCode: 1, output: { error: e.toInfo() } };
      throw e;
    }
    const kind = (options.kind as ImportKind | undefined) ?? guessKind(table.headers);
    if (!kind) return usageError('无法判断文件类型，请用 --kind 指定 enterprises、ip 或 whitelist');
    const { db, env } = openForCli(options);
    try {
      const report = runImport(db, table, {
        kind,
        dryRun: options['dry-run'] === true,
        ctx: { actor: env.actor, now: new Date().toISOString() },
        today: env.today,
        onProgress: env.onProgress,
      });
      return { exitCode: report.rejected > 0 ? 1 : 0, output: report };
    } catch (e) {
      if (e instanceof AppError) return { exitCode: 1, output: { error: e.toInfo() } };
      throw e;
    } finally {
      db.close();
    }
  },
};
