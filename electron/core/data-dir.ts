import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'ReviewDesk';

/**
 * Where data lives when nobody says otherwise: the same folder Electron's `userData` resolves to
 * for an app named ReviewDesk, so the CLI and the desktop app share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.REVIEWDESK_DATA_DIR) return resolve(env.REVIEWDESK_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}

/** `--data-dir D` wins over the environment, which wins over the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ? resolve(flag) : defaultDataDir(env);
}
