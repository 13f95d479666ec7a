import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

/** The layer rules of ARCHITECTURE.md are lint errors, so a wrong import fails the build. */
describe('layer rules', () => {
  it.each([
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/services/db/connection';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import fs from 'node:fs';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import path from 'node:path';"],
    ['shared/x.ts', "import { api } from '../renderer/src/api';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['electron/services/x.ts', "import { App } from '../../renderer/src/App';"],
    ['electron/preload/x.ts', "import { createRuntime } from '../services/runtime';"],
    ['electron/services/x.ts', "import { registerIpc } from '../main/ipc';"],
    ['electron/cli/x.ts', "import { app } from 'electron';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/App';"],
    ['electron/services/x.ts', "import { buildServer } from '../../server/app';"],
    ['electron/services/x.ts', "import pg from 'pg';"],
    ['electron/cli/x.ts', "import { PGlite } from '@electric-sql/pglite';"],
    ['electron/harness/x.ts', "import Fastify from 'fastify';"],
    ['server/x.ts', "import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';"],
    ['server/sync/x.ts', "import { openDatabase } from '../../electron/services/db/connection';"],
    ['server/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import pg from 'pg';"],
    ['renderer/src/x.ts', "import Fastify from 'fastify';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['electron/services/x.ts', "import fs from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['server/x.ts', "import { contract } from '../shared/contract';"],
    ['server/x.ts', "import Fastify from 'fastify';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
