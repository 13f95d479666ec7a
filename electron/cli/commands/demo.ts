import { generateDemo } from '../../services/demo/generate';
import { openForCli } from '../db';
import { usageError, type Command } from '../types';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--count 300] [--seed <整数>] --db <数据库>   生成演示数据（虚构企业，非真实公司）',
  run({ options }) {
    const count = options.count === undefined ? 300 : Number(options.count);
    if (!Number.isInteger(count) || count < 1 || count > 200_000) return usageError('--count 应为 1 到 200000 的整数');
    const seed = options.seed === undefined ? undefined : Number(options.seed);
    if (seed !== undefined && !Number.isInteger(seed)) return usageError('--seed 应为整数');
    const { db, env, file } = openForCli(options);
    try {
      const result = generateDemo(db, {
        enterprises: count,
        seed,
        today: env.today,
        ctx: { actor: env.actor, now: new Date().toISOString() },
        onProgress: env.onProgress,
      });
      return { exitCode: 0, output: { ...result, db: file } };
    } finally {
      db.close();
    }
  },
};
