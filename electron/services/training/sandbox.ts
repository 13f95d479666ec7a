/**
 * 培训模式's operations: load the training dataset, reset to it, save and restore named
 * snapshots. Each replaces the sandbox database whole (a closed file copied beside it and
 * renamed over), so a crash leaves the previous sandbox or the new one, never a mix; none of
 * them opens the working database.
 */
import { moveIntoPlace } from '../durable-file';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { DbStatus } from '../../../shared/types/app';
import type { SandboxView, SnapshotView } from '../../../shared/training-contract';
import type { HandlerContext } from '../handler-context';
import { loadDataset, writeDataset } from './dataset';
import { baselineFile, markSandbox, removeDatabaseFile, snapshotPath, snapshotsDir, trainingDir } from './sandbox-files';

function needActive(ctx: HandlerContext): void {
  if (!ctx.training.active()) throw new AppError('CONFLICT', '请先进入培训模式');
}

function needSandbox(ctx: HandlerContext): Database {
  needActive(ctx);
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', '培训沙盒未能打开');
  return ctx.db;
}

/** A whole, compact copy of `db` at `dest`, written beside it and renamed into place. */
function copyInto(db: Database, dest: string): void {
  const tmp = `${dest}.${process.pid}.tmp`;
  removeDatabaseFile(tmp);
  db.prepare('VACUUM INTO ?').run(tmp);
  moveIntoPlace(tmp, dest);
}

/** Builds the dataset in a scratch database and keeps it as the baseline a reset copies. */
function buildBaseline(ctx: HandlerContext): string {
  fs.mkdirSync(trainingDir(ctx.dataDir), { recursive: true, mode: 0o700 });
  const file = baselineFile(ctx.dataDir, loadDataset(ctx.resourcesDir).version);
  const scratch = `${file}.building`;
  removeDatabaseFile(scratch);
  const db = ctx.training.openFile(scratch);
  try {
    markSandbox(db);
    writeDataset(db, ctx.resourcesDir);
    copyInto(db, file);
  } finally {
    db.close();
    removeDatabaseFile(scratch);
  }
  return file;
}

export function sandboxView(ctx: HandlerContext): SandboxView {
  const data = loadDataset(ctx.resourcesDir);
  const dir = snapshotsDir(ctx.dataDir);
  const snapshots = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.sqlite'))
        .map((f) => {
          const st = fs.statSync(`${dir}/${f}`);
          return { name: f.slice(0, -'.sqlite'.length), savedAt: st.mtime.toISOString(), sizeBytes: st.size };
        })
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    : [];
  const loaded = ctx.training.active() && !!ctx.db && ctx.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(data.tourCaseId) !== undefined;
  return { active: ctx.training.active(), dataset: { title: data.title, version: data.version, loaded }, snapshots };
}

/** Loads the training dataset afresh (whatever the sandbox held is replaced). */
export async function loadTrainingData(ctx: HandlerContext): Promise<DbStatus> {
  needActive(ctx);
  return ctx.training.replace(buildBaseline(ctx));
}

/** Back to the dataset exactly as it was loaded (built now if it never was). */
export async function resetSandbox(ctx: HandlerContext): Promise<DbStatus> {
  needActive(ctx);
  const baseline = baselineFile(ctx.dataDir, loadDataset(ctx.resourcesDir).version);
  return ctx.training.replace(fs.existsSync(baseline) ? baseline : buildBaseline(ctx));
}

export function saveSnapshot(ctx: HandlerContext, name: string, overwrite: boolean): SnapshotView {
  const db = needSandbox(ctx);
  const file = snapshotPath(ctx.dataDir, name);
  if (fs.existsSync(file) && !overwrite) throw new AppError('CONFLICT', `已有名为“${name.trim()}”的快照：请换一个名称，或选择覆盖`);
  fs.mkdirSync(snapshotsDir(ctx.dataDir), { recursive: true, mode: 0o700 });
  copyInto(db, file);
  const st = fs.statSync(file);
  return { name: name.trim(), savedAt: st.mtime.toISOString(), sizeBytes: st.size };
}

export async function restoreSnapshot(ctx: HandlerContext, name: string): Promise<DbStatus> {
  needActive(ctx);
  const file = snapshotPath(ctx.dataDir, name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `快照“${name.trim()}”不存在`);
  return ctx.training.replace(file);
}

export function deleteSnapshot(ctx: HandlerContext, name: string): void {
  const file = snapshotPath(ctx.dataDir, name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `快照“${name.trim()}”不存在`);
  fs.rmSync(file);
}
