import type { AppInfo, DbStatus } from '../../shared/types/app';

export const APP_NAME = '知融工作台';

export function buildAppInfo(args: {
  version: string;
  shell: AppInfo['shell'];
  dataDir: string;
  logFile: string;
  db: DbStatus;
  sandbox: boolean;
  versions?: Record<string, string>;
}): AppInfo {
  const versions: Record<string, string> = { node: process.versions.node, ...args.versions };
  return { name: APP_NAME, platform: process.platform, ...args, versions };
}
