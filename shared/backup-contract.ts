/** The 备份与恢复 calls: list, make, inspect, restore and export backups of the working database. */
import { z } from 'zod';
import { call } from './call-spec';
import type { BackupEntry, BackupInfo, BackupPolicy, BackupsView } from './types/backup';
import type { DbStatus } from './types/app';
import type { JobStatusView } from './types/jobs';

/** A backup's file name as listed (no folders: only this database's backups can be named). */
const backupName = z
  .string()
  .regex(/^\d{8}T\d{6}(\d{3})?Z-(manual|daily|before-restore)\.sqlite$/, '不是本应用的备份文件名')
  .max(80);
const byName = z.object({ name: backupName }).strict();

export const MAX_KEEP = 100;

export const backupPolicy = z
  .object({
    keep: z
      .number({ message: '保留份数应为整数' })
      .int('保留份数应为整数')
      .min(1, '至少保留 1 份')
      .max(MAX_KEEP, `最多保留 ${MAX_KEEP} 份`),
    daily: z.boolean(),
  })
  .strict();

export const backupContract = {
  backupsList: call<BackupsView>()(z.object({}).strict()),
  /** A backup now: a job whose result is the BackupEntry made. */
  backupCreate: call<JobStatusView>()(z.object({}).strict()),
  backupInspect: call<BackupInfo>()(byName),
  /** Replaces the working data with the backup (checked first; the current data kept as a backup). */
  backupRestore: call<{ restored: BackupInfo; safetyCopy: BackupEntry; db: DbStatus }>()(byName),
  backupExport: call<{ fileName: string; base64: string }>()(byName),
  backupPolicySave: call<BackupPolicy>()(backupPolicy),
} as const;
