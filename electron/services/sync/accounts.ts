/**
 * One database per user: which file holds whose data. The first user to sign in on the default
 * database takes it (with what was typed before); any other user gets a file of their own under
 * accounts/. The registry and the pointer to the database last used live in the data folder,
 * written atomically, so the app reopens the last user's data and two users' data never mix.
 */
import { writeDurably } from '../durable-file';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface Registry {
  /** "server\nname" → database file, relative to the data folder. */
  accounts: Record<string, string>;
  /** The database the app opened last, relative to the data folder. */
  active: string | null;
}

const FILE = 'accounts.json';
const keyOf = (server: string, name: string) => `${server}\n${name.trim()}`;

function read(dataDir: string): Registry {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<Registry>;
    return { accounts: r.accounts ?? {}, active: r.active ?? null };
  } catch {
    return { accounts: {}, active: null };
  }
}

function write(dataDir: string, r: Registry): void {
  const file = path.join(dataDir, FILE);
  writeDurably(file, JSON.stringify(r, null, 2));
}

const abs = (dataDir: string, rel: string) => path.resolve(dataDir, rel);
const rel = (dataDir: string, file: string) => path.relative(dataDir, file);

/** The database to open at start: the last one used, if it is still there. */
export function activeDatabase(dataDir: string, fallback: string): string {
  const { active } = read(dataDir);
  return active && fs.existsSync(abs(dataDir, active)) ? abs(dataDir, active) : fallback;
}

export function setActiveDatabase(dataDir: string, file: string): void {
  write(dataDir, { ...read(dataDir), active: rel(dataDir, file) });
}

/** The database that holds this user's data, if one does. */
export function databaseOf(dataDir: string, server: string, name: string): string | null {
  const found = read(dataDir).accounts[keyOf(server, name)];
  return found && fs.existsSync(abs(dataDir, found)) ? abs(dataDir, found) : null;
}

/** A new database file for a user who has none here yet (not created: the store creates it). */
export function newDatabaseFor(dataDir: string, server: string, name: string): string {
  const slug = crypto.createHash('sha256').update(keyOf(server, name)).digest('hex').slice(0, 16);
  fs.mkdirSync(path.join(dataDir, 'accounts'), { recursive: true, mode: 0o700 });
  return path.join(dataDir, 'accounts', `${slug}.sqlite`);
}

export function recordAccount(dataDir: string, server: string, name: string, file: string): void {
  const r = read(dataDir);
  write(dataDir, { ...r, accounts: { ...r.accounts, [keyOf(server, name)]: rel(dataDir, file) } });
}
