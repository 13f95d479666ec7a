/**
 * `report <monthly|annual> --period 2024-03|2024 [--district 南山] --format pdf|xlsx --out <file>`:
 * the district report the dashboard exports, built by the same job; a PDF is printed with
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import fs from 'node:fs';
import { DISTRICTS, type District } from '../../../shared/domain/districts';
import { AppError } from '../../../shared/errors';
import { createChromiumPrinter } from '../../harness/pdf';
import { runJob } from '../../services/jobs/run-job';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';
import { writeOut } from './export';

const USAGE = '用法：report <monthly|annual> --period 2024-03|2024 [--district 南山] --format pdf|xlsx --out <文件>';

export const reportCommand: Command = {
  name: 'report',
  usage:
    'report <monthly|annual> --period 2024-03|2024 [--district 南山] --format pdf|xlsx --out <文件> --db <数据库>   生成区级月报或年报',
  async run({ positionals, options }) {
    const [kind] = positionals;
    if (kind !== 'monthly' && kind !== 'annual') return usageError(USAGE);
    if (typeof options.period !== 'string') return usageError(`请用 --period 指定期间。${USAGE}`);
    const format = options.format ?? 'pdf';
    if (format !== 'pdf' && format !== 'xlsx') return usageError('--format 应为 pdf 或 xlsx');
    if (typeof options.out !== 'string') return usageError('请用 --out 指定输出文件');
    const district = options.district;
    if (district !== undefined && !DISTRICTS.includes(district as District))
      return usageError(`未知的区“${String(district)}”，可用：${DISTRICTS.join('、')}`);
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (format === 'pdf' && !fs.existsSync(chromium))
      throw new AppError(
        'INTERNAL',
        `生成 PDF 需要 Chromium（未找到 ${chromium}）：请安装 Chromium 或设置 CHROMIUM_PATH，或改用 --format xlsx`,
      );
    const { db, env } = openForCli(options);
    try {
      const r = (await runJob(
        { type: 'report', request: { kind, period: options.period, district: district as District | undefined }, format },
        env,
      )) as {
        fileName: string;
        base64?: string;
        html?: string;
        header?: string;
      };
      let bytes: Uint8Array;
      if (r.html) {
        const printer = createChromiumPrinter(chromium);
        try {
          bytes = await printer.print(r.html, { header: r.header });
        } finally {
          await printer.close();
        }
      } else bytes = Buffer.from(r.base64!, 'base64');
      const problem = writeOut(options.out, bytes);
      if (problem) throw new AppError('INVALID_INPUT', problem);
      return { exitCode: 0, output: { file: options.out, bytes: bytes.length, report: r.fileName } };
    } finally {
      db.close();
    }
  },
};
