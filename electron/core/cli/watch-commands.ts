import { resolve } from 'node:path';
import { platformIds, type PlatformId } from '../../../shared/domain/platforms';
import { AppError } from '../errors';
import type { Core } from '../core';
import type { Command, CommandResult } from './commands';

/**
 * The CLI side of the watched folder: see it, choose it, stop it. The CLI runs as the user, so it
 * names the folder by path (the window and the browser can only hand over a chosen folder). It
 * saves the choice and never scans itself; the app (or harness) watches from its next start.
 */

// The values of commands.ts's exitCodes (imported from there this would be an import cycle).
const exit = { ok: 0, failed: 1, usage: 2 } as const;

type WithCore = (dataDir: string, run: (core: Core) => Promise<CommandResult>) => Promise<CommandResult>;

const usage = (message: string): Promise<CommandResult> => Promise.resolve({ code: exit.usage, json: { ok: false, message }, text: message });

const picksUp = 'A running app starts watching it at its next start.';

async function statusText(core: Core): Promise<CommandResult> {
  const status = await core.services!.watch.get();
  if (status.folder === null) return { code: exit.ok, json: { ok: true, ...status }, text: 'No folder is watched. Choose one with: reviewdesk watch set FOLDER --platform P --shop NAME' };
  const shop = (await core.services!.shops.list()).find((candidate) => candidate.id === status.shopId);
  const lines = [
    `Watching ${status.folder} for ${status.platform}/${shop?.name ?? `shop ${status.shopId}`}; ${status.filesImported} file(s) imported so far.`,
    ...(status.problem ? [`Problem: ${status.problem}`] : []),
    ...status.failedFiles.map((file) => `failed  ${file.fileName}  ${file.reason}`),
  ];
  return { code: exit.ok, json: { ok: true, ...status }, text: lines.join('\n') };
}

export function watchCommands(withCore: WithCore, actor: string): Record<string, Command> {
  return {
    'watch status': {
      summary: 'The watched folder, its shop, and the files it could not import (with the reason).',
      run: ({ dataDir }) => withCore(dataDir, statusText),
    },
    'watch set': {
      summary: 'watch set FOLDER --platform P --shop NAME: import every export saved into FOLDER into that shop.',
      takesArgs: true,
      run: ({ dataDir, args, platform, shop }) => {
        if (args.length !== 1) return usage('watch set needs exactly one FOLDER.');
        if (platform === undefined || !(platformIds as readonly string[]).includes(platform)) {
          return usage(`--platform must be one of ${platformIds.join(', ')}${platform === undefined ? '' : `; got "${platform}"`}.`);
        }
        if (shop === undefined || shop.trim() === '') return usage('--shop needs the shop name.');
        return withCore(dataDir, async (core) => {
          const shops = await core.services!.shops.list();
          const found = shops.find((candidate) => candidate.platform === platform && candidate.name === shop.trim());
          if (!found) {
            const message = `No ${platform} shop named "${shop.trim()}". Shops: ${shops.map((candidate) => `${candidate.platform}/${candidate.name}`).join(', ') || 'none'}.`;
            return { code: exit.failed, json: { ok: false, message }, text: message };
          }
          try {
            await core.services!.watch.set({ folder: resolve(args[0] as string), platform: platform as PlatformId, shopId: found.id }, actor, { poll: false });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            return { code: exit.failed, json: { ok: false, code: error.code, message: error.message }, text: error.message };
          }
          const shown = await statusText(core);
          return { ...shown, text: `${shown.text}\n${picksUp}` };
        });
      },
    },
    'watch off': {
      summary: 'Stop watching the folder (files already imported stay).',
      run: ({ dataDir }) =>
        withCore(dataDir, async (core) => {
          await core.services!.watch.set({ folder: null, platform: null, shopId: null }, actor, { poll: false });
          return { code: exit.ok, json: { ok: true }, text: `No folder is watched any more. ${picksUp}` };
        }),
    },
  };
}
