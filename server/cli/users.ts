/**
 * `user …`: the administrator's commands over the service's database. Results are JSON on
 * stdout; refusals a Chinese line on stderr. Exit 0 done, 1 refused (bad value, unknown user,
 * name taken), 2 usage, 3 our bug. Passwords come only from stdin: an argument would be left in
 * the shell history and in every `ps` listing.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { addUser, listUsers, setDisabled, setDistricts, setPassword } from '../accounts';
import type { Db } from '../db/types';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const USER_USAGE = `用法：
  user add --name <用户名> --role steward|officer|trainer|admin [--districts 光明,南山] --password-stdin
  user list
  user disable --name <用户名>        （同时注销其所有登录）
  user enable --name <用户名>         （同时解除密码错误造成的锁定）
  user set-districts --name <用户名> --districts 南山
  user set-password --name <用户名> --password-stdin   （同时注销其所有登录）
区名用逗号或顿号分隔；系统管理员（admin）自动拥有全部区。`;

class UsageError extends Error {}

type Option = 'name' | 'role' | 'districts' | 'password-stdin';
const OPTIONS = {
  name: { type: 'string' },
  role: { type: 'string' },
  districts: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Which options each command takes, and which of them it needs. */
const COMMANDS: Record<string, { takes: Option[]; needs: Option[] }> = {
  add: { takes: ['name', 'role', 'districts', 'password-stdin'], needs: ['name', 'role', 'password-stdin'] },
  list: { takes: [], needs: [] },
  disable: { takes: ['name'], needs: ['name'] },
  enable: { takes: ['name'], needs: ['name'] },
  'set-districts': { takes: ['name', 'districts'], needs: ['name', 'districts'] },
  'set-password': { takes: ['name', 'password-stdin'], needs: ['name', 'password-stdin'] },
};

type Values = Partial<Record<Option, string | boolean>>;

function parse(argv: string[]): { command: string; values: Values } {
  // Accepts the argv of `central user …` with or without its leading `user`.
  const [command, ...rest] = argv[0] === 'user' ? argv.slice(1) : argv;
  const spec = command ? COMMANDS[command] : undefined;
  if (!command || !spec) throw new UsageError(command ? `未知的命令：user ${command}` : '缺少命令');
  let values: Values;
  try {
    values = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(argumentProblem(err as NodeJS.ErrnoException));
  }
  const extra = (Object.keys(values) as Option[]).filter((k) => !spec.takes.includes(k));
  if (extra.length > 0) throw new UsageError(`user ${command} 不接受 ${extra.map((k) => `--${k}`).join('、')}`);
  const missing = spec.needs.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new UsageError(`user ${command} 缺少 ${missing.map((k) => `--${k}`).join('、')}`);
  return { command, values };
}

/** node:util's parse errors, in Chinese; the quoted part of its message names the argument. */
function argumentProblem(err: NodeJS.ErrnoException): string {
  const arg = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知的参数：${arg}`;
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${arg}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return arg.includes('<value>') ? `参数 ${arg.split(' ')[0]} 需要一个值` : `参数 ${arg} 不带值`;
  return '参数不正确';
}

const splitDistricts = (raw: string) => raw.split(/[,，、;；\s]+/).filter((s) => s.length > 0);

/** All of stdin, less the one line break that `echo` or a here-string adds. */
async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text.length === 0) throw new AppError('INVALID_INPUT', '标准输入中没有密码（请用 --password-stdin 并从管道或文件提供密码）');
  return text;
}

async function execute(command: string, v: Values, db: Db, io: CliIo, now: Date): Promise<unknown> {
  const name = v.name as string;
  switch (command) {
    case 'add':
      return addUser(
        db,
        {
          name,
          role: v.role as string,
          districts: v.districts === undefined ? undefined : splitDistricts(v.districts as string),
          password: await readPassword(io.stdin),
        },
        now,
      );
    case 'list':
      return listUsers(db);
    case 'disable':
      return setDisabled(db, name, true, now);
    case 'enable':
      return setDisabled(db, name, false, now);
    case 'set-districts':
      return setDistricts(db, name, splitDistricts(v.districts as string), now);
    case 'set-password':
      return setPassword(db, name, await readPassword(io.stdin), now);
  }
  throw new UsageError(`未知的命令：user ${command}`);
}

export async function runUserCli(argv: string[], db: Db, io: CliIo, clock: () => Date = () => new Date()): Promise<number> {
  try {
    const { command, values } = parse(argv);
    const result = await execute(command, values, db, io, clock());
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\n\n${USER_USAGE}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      io.stderr.write(`错误：${err.message}\n`);
      return 1;
    }
    io.stderr.write(`内部错误，命令未完成：\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}
