import { parseArgs } from 'node:util';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { idCommand } from './commands/id';
import { importCommand } from './commands/import';
import { policiesCommand } from './commands/policies';
import { subsidyCommand } from './commands/subsidy';
import { valueCommand } from './commands/value';
import type { Command, CommandOutcome } from './types';

const COMMANDS: Command[] = [idCommand, importCommand, exportCommand, demoCommand, valueCommand, policiesCommand, subsidyCommand];

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
  return command.run({ positionals, options: parsed.values });
}
