import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { databaseError } from '../services/db/errors';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { idCommand } from './commands/id';
import { importCommand } from './commands/import';
import { policiesCommand } from './commands/policies';
import { qualifyCommand } from './commands/qualify';
import { reportCommand } from './commands/report';
import { statsCommand } from './commands/stats';
import { subsidyCommand } from './commands/subsidy';
import { compensationCommand, scheduleCommand } from './commands/loan';
import { conflictCommand, conflictsCommand, enterpriseCommand, loginCommand, logoutCommand, syncCommand } from './commands/sync';
import { valueCommand } from './commands/value';
import { cliDbFile, holdForWriting } from './db';
import type { Command, CommandContext, CommandOutcome } from './types';

const COMMANDS: Command[] = [
  idCommand,
  importCommand,
  exportCommand,
  demoCommand,
  valueCommand,
  policiesCommand,
  subsidyCommand,
  qualifyCommand,
  scheduleCommand,
  compensationCommand,
  loginCommand,
  logoutCommand,
  syncCommand,
  conflictsCommand,
  conflictCommand,
  enterpriseCommand,
  statsCommand,
  reportCommand,
];

/** The commands that write to the database, and when (an import's dry run only reads). */
const WRITES: Record<string, (ctx: CommandContext) => boolean> = {
  import: (ctx) => ctx.options['dry-run'] !== true,
  demo: () => true,
  login: () => true,
  logout: () => true,
  sync: () => true,
  conflict: () => true,
  enterprise: () => true,
};

/**
 * Anything a command throws: an expected failure (AppError, a locked or damaged database)
 * is exit 1 with its Chinese message; anything else is a bug of ours, exit 3, with the
 * stack kept for stderr.
 */
export function outcomeOfError(err: unknown, dbFile: string): CommandOutcome {
  const known = err instanceof AppError ? err : databaseError(err, dbFile);
  if (known) return { exitCode: 1, output: { error: known.toInfo() } };
  return {
    exitCode: 3,
    output: { error: { code: 'INTERNAL', message: '命令行工具内部错误，命令未完成。详情已输出到标准错误（stderr）。' } },
    cause: err,
  };
}

function usage(): string {
  return ['用法：npm run -s cli -- <命令> [参数] [--db <数据库文件>]', '', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');
}

/** Parses argv and runs one command; separated from index.ts so tests can call it in-process. */
export async function runCli(argv: string[]): Promise<CommandOutcome> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        filter: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        server: { type: 'string' },
        user: { type: 'string' },
        take: { type: 'string' },
        year: { type: 'string' },
        district: { type: 'string' },
        period: { type: 'string' },
        set: { type: 'string' },
        'allow-removal': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { exitCode: 2, output: { error: `参数错误：${(err as Error).message}`, usage: usage() } };
  }
  const [name, ...positionals] = parsed.positionals;
  if (!name || parsed.values.help) return { exitCode: name ? 0 : 2, output: { usage: usage() } };
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return { exitCode: 2, output: { error: `未知命令：${name}`, usage: usage() } };
  const ctx: CommandContext = { positionals, options: parsed.values };
  const dbFile = cliDbFile(ctx.options);
  try {
    const release = WRITES[command.name]?.(ctx) ? holdForWriting(dbFile) : () => {};
    try {
      return await command.run(ctx);
    } finally {
      release();
    }
  } catch (err) {
    return outcomeOfError(err, dbFile);
  }
}
