import { PassThrough, Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { DISTRICTS } from '../../shared/domain/districts';
import { describeEachDb } from '../../test/support/postgres';
import { authenticate, login } from '../accounts';
import type { Db } from '../db/types';
import { runUserCli } from './users';

const PASSWORD = '光明管家的密码-2026';
const NOW = new Date('2026-03-02T01:00:00Z');

/** Runs one command with real streams: stdin fed as a pipe would feed it, stdout and stderr read back. */
async function run(db: Db, argv: string[], stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runUserCli(argv, db, { stdin: Readable.from([Buffer.from(stdinText)]), stdout, stderr }, () => NOW);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describeEachDb('the user CLI', (fresh) => {
  it('adds and lists users, the password from stdin', async () => {
    const db = await fresh();
    const added = await run(
      db,
      ['user', 'add', '--name', '张三', '--role', 'steward', '--districts', '光明,南山', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: '张三', role: 'steward', districts: ['南山', '光明'], disabled: false });
    const admin = await run(db, ['user', 'add', '--name', '管理员', '--role', 'admin', '--password-stdin'], `${PASSWORD}-admin\r\n`);
    expect(admin.code, admin.stderr).toBe(0);

    const list = await run(db, ['user', 'list']);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { name: string; districts: string[] }[];
    expect(users.map((u) => [u.name, u.districts])).toEqual([
      ['张三', ['南山', '光明']],
      ['管理员', [...DISTRICTS]],
    ]);
    expect(list.stdout).not.toMatch(/argon2|password/i);
    // The trailing line break is not part of the password.
    expect((await login(db, { name: '管理员', password: `${PASSWORD}-admin`, ip: '127.0.0.1' }, NOW)).user.role).toBe('admin');
    expect((await login(db, { name: '张三', password: PASSWORD, ip: '127.0.0.1' }, NOW)).user.name).toBe('张三');
  });

  it('disables (signing the user out), enables, changes districts and sets a password', async () => {
    const db = await fresh();
    await run(db, ['user', 'add', '--name', '张三', '--role', 'steward', '--districts', '光明', '--password-stdin'], PASSWORD);
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '127.0.0.1' }, NOW);

    const districts = await run(db, ['user', 'set-districts', '--name', '张三', '--districts', '南山区、宝安']);
    expect(districts.code, districts.stderr).toBe(0);
    expect(JSON.parse(districts.stdout).districts).toEqual(['南山', '宝安']);
    expect((await authenticate(db, `Bearer ${pair.accessToken}`, NOW)).districts).toEqual(['南山', '宝安']);

    const disabled = await run(db, ['user', 'disable', '--name', '张三']);
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout).disabled).toBe(true);
    await expect(authenticate(db, `Bearer ${pair.accessToken}`, NOW)).rejects.toMatchObject({ status: 401 });
    await expect(login(db, { name: '张三', password: PASSWORD, ip: '127.0.0.1' }, NOW)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });

    expect((await run(db, ['user', 'enable', '--name', '张三'])).code).toBe(0);
    expect((await run(db, ['user', 'set-password', '--name', '张三', '--password-stdin'], '另一个好密码-2026\n')).code).toBe(0);
    expect((await login(db, { name: '张三', password: '另一个好密码-2026', ip: '127.0.0.1' }, NOW)).user.name).toBe('张三');
  });

  it('refuses bad values with exit 1 and a Chinese message on stderr, writing nothing', async () => {
    const db = await fresh();
    await run(db, ['user', 'add', '--name', '张三', '--role', 'steward', '--districts', '光明', '--password-stdin'], PASSWORD);
    const cases: [string[], string, string][] = [
      [['user', 'add', '--name', '张三', '--role', 'officer', '--districts', '福田', '--password-stdin'], PASSWORD, '用户名“张三”已存在'],
      [['user', 'add', '--name', '李四', '--role', 'officer', '--districts', '福田,北京', '--password-stdin'], PASSWORD, '未知的区：北京'],
      [['user', 'add', '--name', '李四', '--role', 'chief', '--districts', '福田', '--password-stdin'], PASSWORD, '未知的角色：chief'],
      [['user', 'add', '--name', '李四', '--role', 'officer', '--districts', '福田', '--password-stdin'], '', '标准输入中没有密码'],
      [['user', 'add', '--name', '李四', '--role', 'officer', '--districts', '福田', '--password-stdin'], '123', '密码至少 8 个字符'],
      [['user', 'disable', '--name', '王五'], '', '没有名为“王五”的用户'],
      [['user', 'set-districts', '--name', '张三', '--districts', '火星'], '', '未知的区：火星'],
    ];
    for (const [argv, stdin, message] of cases) {
      const r = await run(db, argv, stdin);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^错误：[^\n]+\n$/);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
    const list = JSON.parse((await run(db, ['user', 'list'])).stdout) as { name: string; districts: string[] }[];
    expect(list.map((u) => [u.name, u.districts])).toEqual([['张三', ['光明']]]);
  });

  it('answers a usage mistake with exit 2, the reason and the usage', async () => {
    const db = await fresh();
    const cases: [string[], string][] = [
      [['user'], '缺少命令'],
      [['user', 'remove', '--name', '张三'], '未知的命令：user remove'],
      [['user', 'add', '--name', '张三', '--role', 'steward', '--password', 'x'], '未知的参数：--password'],
      [['user', 'add', '--name', '张三', '--role', 'steward'], 'user add 缺少 --password-stdin'],
      [['user', 'disable'], 'user disable 缺少 --name'],
      [['user', 'disable', '--name'], '参数 --name 需要一个值'],
      [['user', 'list', '--name', '张三'], 'user list 不接受 --name'],
      [['user', 'list', 'extra'], '多余的参数：extra'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(db, argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('用法：');
      expect(r.stdout).toBe('');
    }
    expect((await db.query('SELECT 1 FROM users')).rows).toHaveLength(0);
  });
});
