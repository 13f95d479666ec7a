/**
 * Sync from scripts: login (password on standard input), logout, sync (exit 0 when all is
 * pushed and pulled; 1 when the server could not be reached or answered an error, so a script
 * can retry), conflicts, conflict resolve, and `enterprise set` to edit by credit code.
 * The session's tokens live beside the database in `<db>.session`, readable by its owner only.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { ENTITIES } from '../../../shared/sync/entities';
import { enterpriseInput } from '../../../shared/schemas/enterprise';
import { getEnterprise, saveEnterprise } from '../../services/enterprises/repository';
import { listConflicts } from '../../services/sync/conflicts';
import { syncOnce } from '../../services/sync/engine';
import { localMutate } from '../../services/sync/local';
import { clientFor, fileVault, login, logout } from '../../services/sync/session';
import { cliDbFile, openForCli } from '../db';
import { usageError, type Command } from '../types';

const vaultOf = (options: Record<string, string | boolean | undefined>) => fileVault(`${cliDbFile(options)}.session`);

export const loginCommand: Command = {
  name: 'login',
  usage: 'login --server <地址> --user <用户名> --db <数据库>   登录中心服务（密码从标准输入读取）',
  async run({ options }) {
    if (typeof options.server !== 'string' || typeof options.user !== 'string')
      return usageError('用法：login --server <地址> --user <用户名>');
    const password = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    const { db } = openForCli(options);
    try {
      const info = await login(db, vaultOf(options), options.server, options.user, password);
      return { exitCode: 0, output: { server: info.server, user: info.user } };
    } finally {
      db.close();
    }
  },
};

export const logoutCommand: Command = {
  name: 'logout',
  usage: 'logout --db <数据库>   退出登录（本机未同步的修改保留在数据库中）',
  async run({ options }) {
    const { db } = openForCli(options);
    try {
      return { exitCode: 0, output: await logout(db, vaultOf(options)) };
    } finally {
      db.close();
    }
  },
};

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync [--allow-removal] --db <数据库>   推送本机修改并拉取他人修改',
  async run({ options }) {
    const { db } = openForCli(options);
    try {
      const report = await syncOnce(db, clientFor(db, vaultOf(options)), { allowMassRemoval: options['allow-removal'] === true });
      const conflicts = listConflicts(db).length;
      const pending = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
      const output = { ...report, openConflicts: conflicts, pending };
      if (report.held)
        return {
          exitCode: 1,
          output: {
            ...output,
            error: {
              code: 'CONFLICT',
              message: `本次拉取将删除本机 ${report.held.local} 条记录中的 ${report.held.removals} 条，已暂停；确认无误后用 --allow-removal 再同步`,
            },
          },
        };
      return { exitCode: 0, output };
    } finally {
      db.close();
    }
  },
};

export const conflictsCommand: Command = {
  name: 'conflicts',
  usage: 'conflicts --db <数据库>   列出未处理的同步冲突（JSON 数组）',
  run({ options }) {
    const { db } = openForCli(options);
    try {
      return { exitCode: 0, output: listConflicts(db) };
    } finally {
      db.close();
    }
  },
};

export const conflictCommand: Command = {
  name: 'conflict',
  usage: 'conflict resolve <冲突 id> --take mine|theirs|<JSON 值> --db <数据库>   处理一条冲突',
  run({ positionals, options }) {
    const [verb, id] = positionals;
    const take = options.take;
    if (verb !== 'resolve' || !id || typeof take !== 'string')
      return usageError('用法：conflict resolve <冲突 id> --take mine|theirs|<值>');
    let args: unknown;
    if (take === 'mine' || take === 'theirs') args = { id, take };
    else {
      let value: unknown;
      try {
        value = JSON.parse(take);
      } catch {
        value = take;
      }
      args = { id, take: 'value', value };
    }
    const { db, env } = openForCli(options);
    try {
      localMutate(db, 'conflict.resolve', args, { actor: env.actor });
      return { exitCode: 0, output: { resolved: id, open: listConflicts(db).length } };
    } finally {
      db.close();
    }
  },
};

const FIELDS = ENTITIES.enterprise.fields as readonly string[];

export const enterpriseCommand: Command = {
  name: 'enterprise',
  usage: 'enterprise set <统一社会信用代码> <字段>=<值>… --db <数据库>   修改一家企业（字段名同 export --format json）',
  run({ positionals, options }) {
    const [verb, uscc, ...pairs] = positionals;
    if (verb !== 'set' || !uscc || pairs.length === 0) return usageError('用法：enterprise set <统一社会信用代码> <字段>=<值>…');
    const patch: Record<string, unknown> = {};
    for (const p of pairs) {
      const at = p.indexOf('=');
      const field = at > 0 ? p.slice(0, at) : '';
      if (!FIELDS.includes(field)) return usageError(`未知字段“${field || p}”，可用：${FIELDS.join('、')}`);
      const raw = p.slice(at + 1);
      const shape = enterpriseInput.shape[field as keyof typeof enterpriseInput.shape];
      // A number or a list is given as JSON; text as typed.
      let value: unknown = raw;
      if (!shape.safeParse(raw).success) {
        try {
          value = JSON.parse(raw);
        } catch {
          value = raw;
        }
      }
      patch[field] = value;
    }
    const { db, env } = openForCli(options);
    try {
      const id = db.prepare('SELECT id FROM enterprises WHERE uscc = ?').pluck().get(uscc.toUpperCase()) as string | undefined;
      if (!id) throw new AppError('NOT_FOUND', `没有统一社会信用代码为 ${uscc} 的企业`);
      const current = getEnterprise(db, id) as unknown as Record<string, unknown>;
      const input = enterpriseInput.safeParse({ id, ...Object.fromEntries(FIELDS.map((f) => [f, current[f]])), ...patch });
      if (!input.success) {
        const issues = input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('INVALID_INPUT', issues.map((i) => `${i.path}：${i.message}`).join('；'), issues);
      }
      const saved = saveEnterprise(db, input.data, { actor: env.actor, now: new Date().toISOString() });
      return { exitCode: 0, output: saved };
    } finally {
      db.close();
    }
  },
};
