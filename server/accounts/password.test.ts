import { expect, it } from 'vitest';
import { hashPassword, spendVerifyTime, verifyPassword } from './password';

it('hashes with argon2id and a fresh salt each time, and verifies only the right password', async () => {
  const a = await hashPassword('光明管家的密码-2026');
  const b = await hashPassword('光明管家的密码-2026');
  expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(a).not.toBe(b);
  expect(await verifyPassword(a, '光明管家的密码-2026')).toBe(true);
  expect(await verifyPassword(a, '光明管家的密码-2025')).toBe(false);
  expect(await verifyPassword(a, '')).toBe(false);
});

it('opens nothing with a damaged hash, and the dummy verification succeeds at nothing', async () => {
  expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB', 'x')).toBe(false);
  await expect(spendVerifyTime('anything')).resolves.toBeUndefined();
});
