import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's baseline). The PHC
 * string carries the parameters, so raising them later still verifies the old hashes.
 */
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id; a const enum, which isolatedModules cannot read

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a damaged hash opens nothing
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a hash of nothing anyone knows, so an unknown name costs the same argon2
 * work as a wrong password and the answer time does not tell which names exist.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
}
