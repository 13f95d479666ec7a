/**
 * Where the packaged app looks for updates: IPF_UPDATE_URL when set (a test server, another
 * association), else the generic provider's address electron-builder wrote into
 * app-update.yml from electron-builder.yml's `publish` — one place to configure it.
 */
import fs from 'node:fs';
import path from 'node:path';

export function updateFeedUrl(resourcesPath: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.IPF_UPDATE_URL) return env.IPF_UPDATE_URL;
  let yml: string;
  try {
    yml = fs.readFileSync(path.join(resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return undefined; // built without a publish server: updates stay off
  }
  if (!/^provider:\s*generic\s*$/m.test(yml)) return undefined;
  return /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(yml)?.[1];
}
