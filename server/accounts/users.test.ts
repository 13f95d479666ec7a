import { expect, it } from 'vitest';
import { DISTRICTS } from '../../shared/domain/districts';
import { AppError } from '../../shared/errors';
import { describeEachDb } from '../../test/support/postgres';
import { addUser, authenticate, listUsers, login, setDisabled, setDistricts, setPassword } from '.';

const NOW = new Date('2026-03-02T01:00:00Z');
const LATER = new Date('2026-03-03T01:00:00Z');
const PASSWORD = '光明管家的密码-2026';

async function refused(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describeEachDb('users', (fresh) => {
  it('adds users with Chinese names, districts read loosely and stored in order, the administrator with all of them', async () => {
    const db = await fresh();
    const zhang = await addUser(
      db,
      { name: ' 张三 ', role: 'steward', districts: ['南山区', '光明', '深圳市南山区'], password: PASSWORD },
      NOW,
    );
    expect(zhang).toMatchObject({ name: '张三', role: 'steward', districts: ['南山', '光明'], disabled: false, lockedUntil: null });
    expect(zhang.createdAt).toBe(NOW.toISOString());
    const admin = await addUser(db, { name: '管理员', role: 'admin', password: PASSWORD }, NOW);
    expect(admin.districts).toEqual([...DISTRICTS]);
    const trainer = await addUser(db, { name: '培训师甲', role: 'trainer', password: PASSWORD }, NOW);
    expect(trainer.districts).toEqual([]);
    expect((await listUsers(db)).map((u) => u.name).sort()).toEqual(['张三', '培训师甲', '管理员'].sort());
  });

  it('stores an argon2id hash, never the password, and lists no hash', async () => {
    const db = await fresh();
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(JSON.stringify(await listUsers(db))).not.toMatch(/argon2|password/i);
  });

  it('refuses a taken name (Latin case ignored), an unknown role or district, a steward without a district, a short password', async () => {
    const db = await fresh();
    await addUser(db, { name: 'Zhang', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    const cases: [Parameters<typeof addUser>[1], string, string][] = [
      [{ name: 'zhang', role: 'officer', districts: ['福田'], password: PASSWORD }, 'CONFLICT', '用户名“zhang”已存在'],
      [{ name: '李四', role: 'boss', districts: ['福田'], password: PASSWORD }, 'INVALID_INPUT', '未知的角色：boss'],
      [{ name: '李四', role: 'officer', districts: ['福田', '北京'], password: PASSWORD }, 'INVALID_INPUT', '未知的区：北京'],
      [{ name: '李四', role: 'officer', districts: [], password: PASSWORD }, 'INVALID_INPUT', '至少要负责一个区'],
      [{ name: '李四', role: 'admin', districts: ['福田'], password: PASSWORD }, 'INVALID_INPUT', '系统管理员拥有全部区'],
      [{ name: '李四', role: 'officer', districts: ['福田'], password: '短密码' }, 'INVALID_INPUT', '密码至少 8 个字符'],
      [{ name: '   ', role: 'officer', districts: ['福田'], password: PASSWORD }, 'INVALID_INPUT', '请输入用户名'],
      [{ name: '名'.repeat(33), role: 'officer', districts: ['福田'], password: PASSWORD }, 'INVALID_INPUT', '用户名不能超过 32 个字符'],
    ];
    for (const [input, code, message] of cases) {
      const err = await refused(addUser(db, input, NOW));
      expect(err.code, message).toBe(code);
      expect(err.message).toContain(message);
    }
    expect(await listUsers(db)).toHaveLength(1);
  });

  it('changes districts, refuses an unknown user or district, and leaves the administrator with all', async () => {
    const db = await fresh();
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    await addUser(db, { name: '管理员', role: 'admin', password: PASSWORD }, NOW);
    const changed = await setDistricts(db, '张三', ['宝安', '龙华区'], LATER);
    expect(changed).toMatchObject({ districts: ['宝安', '龙华'], updatedAt: LATER.toISOString(), createdAt: NOW.toISOString() });
    expect((await refused(setDistricts(db, '王五', ['宝安'], LATER))).code).toBe('NOT_FOUND');
    expect((await refused(setDistricts(db, '张三', ['香港'], LATER))).message).toContain('未知的区：香港');
    expect((await refused(setDistricts(db, '管理员', ['宝安'], LATER))).message).toContain('系统管理员拥有全部区');
  });

  it('disabling signs the user out everywhere; enabling lets them sign in again', async () => {
    const db = await fresh();
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    const a = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, NOW);
    const b = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.2' }, NOW);
    expect((await setDisabled(db, '张三', true, LATER)).disabled).toBe(true);
    for (const pair of [a, b]) await expect(authenticate(db, `Bearer ${pair.accessToken}`, LATER)).rejects.toMatchObject({ status: 401 });
    await expect(login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, LATER)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await setDisabled(db, '张三', false, LATER)).disabled).toBe(false);
    const c = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, LATER);
    expect((await authenticate(db, `Bearer ${c.accessToken}`, LATER)).name).toBe('张三');
  });

  it('a new password replaces the old one and signs the user out everywhere', async () => {
    const db = await fresh();
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    const before = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, NOW);
    await setPassword(db, '张三', '全新的密码-甲乙丙丁', LATER);
    await expect(authenticate(db, `Bearer ${before.accessToken}`, LATER)).rejects.toMatchObject({ status: 401 });
    await expect(login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, LATER)).rejects.toMatchObject({ status: 401 });
    expect((await login(db, { name: '张三', password: '全新的密码-甲乙丙丁', ip: '10.0.0.1' }, LATER)).user.name).toBe('张三');
    expect((await refused(setPassword(db, '张三', 'short', LATER))).message).toContain('密码至少 8 个字符');
  });
});

describeEachDb('the accounts schema', (fresh) => {
  const insert = (districts: string[], role = 'steward', hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA') =>
    `INSERT INTO users (id, name, role, districts, password_hash, created_at, updated_at)
     VALUES (gen_random_uuid(), '测试${Math.random()}'::text, '${role}', ARRAY[${districts.map((d) => `'${d}'`).join(',')}]::text[], '${hash}', now(), now())`;

  it('accepts every district of shared/domain/districts.ts and nothing else', async () => {
    const db = await fresh();
    await db.query(insert([...DISTRICTS]));
    await expect(db.query(insert(['北京']))).rejects.toThrow(/check/i);
  });

  it('holds the administrator to all districts, the role to the four roles, the hash to argon2id', async () => {
    const db = await fresh();
    await expect(db.query(insert(['南山'], 'admin'))).rejects.toThrow(/users_admin_all_districts/);
    await expect(db.query(insert(['南山'], 'boss'))).rejects.toThrow(/check/i);
    await expect(db.query(insert(['南山'], 'steward', 'plain-text'))).rejects.toThrow(/check/i);
  });

  it('deletes a user’s sessions with the user', async () => {
    const db = await fresh();
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, NOW);
    await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, NOW);
    await db.query('DELETE FROM users');
    expect((await db.query('SELECT id FROM sessions')).rows).toHaveLength(0);
  });
});
