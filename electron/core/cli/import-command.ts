import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformId } from '../../../shared/domain/platforms';
import type { TextEncoding } from '../../../shared/domain/reviews';
import type { Core } from '../core';
import { AppError } from '../errors';
import type { CommandResult } from './commands';

/** Exit codes as in commands.ts (literal here: a value import would be an import cycle). */
const ok = 0 as const;
const failed = 1 as const;
const usage = 2 as const;

/** What `--encoding` accepts: the names people type for the encodings the importer reads. */
export const cliEncodings: Record<string, TextEncoding | 'auto'> = {
  auto: 'auto',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
};

export function cliEncoding(name: string): TextEncoding | 'auto' | null {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(cliEncodings, key) ? (cliEncodings[key] as TextEncoding | 'auto') : null;
}

/**
 * `import FILE --platform P --shop NAME`: the same import as the app, run to the end in the
 * foreground. The report (every rejected row with its reason) is always written to
 * `<data-dir>/reports/import-<id>.csv` and its path printed.
 */
export async function importViaCli(
  core: Core,
  options: { file: string; platform: PlatformId; shop: string; actor: string; encoding?: TextEncoding | 'auto' },
): Promise<CommandResult> {
  const services = core.services!;
  const shops = await services.shops.list();
  const shop = shops.find((candidate) => candidate.platform === options.platform && candidate.name === options.shop);
  if (!shop) {
    const known = shops.map((candidate) => `${candidate.platform}/${candidate.name}`).join(', ') || 'none';
    const message = `No ${options.platform} shop named "${options.shop}". Shops: ${known}.`;
    return { code: usage, json: { ok: false, message }, text: message };
  }
  const source = { kind: 'path' as const, path: options.file };
  try {
    const parse = { encoding: options.encoding ?? 'auto' };
    const preview = await services.imports.preview({ source, platform: options.platform, options: parse });
    if (preview.missingFields.length > 0) {
      const message = `${preview.fileName}: the columns for ${preview.missingFields.join(', ')} were not recognised (headers: ${preview.headers.join(', ')}). Import it once in the app and save the mapping as a preset.`;
      return { code: failed, json: { ok: false, message }, text: message };
    }
    // The CLI starts no background work: train the learned model first, so a CLI import classifies as the app would.
    await services.classifier.ready();
    const { importId } = await services.imports.start({ source, platform: options.platform, shopId: shop.id, mapping: preview.suggestedMapping, options: parse }, options.actor, 'cli');
    const run = await services.imports.waitFor(importId);
    const reports = join(core.dataDir, 'reports');
    mkdirSync(reports, { recursive: true });
    const report = join(reports, `import-${importId}.csv`);
    writeFileSync(report, (await services.imports.exportReport(importId)).csv);
    const { counts } = run;
    const done = run.status === 'done';
    return {
      code: done ? ok : failed,
      json: { ok: done, importId, status: run.status, ...counts, report, message: run.message, notice: run.notice?.code ?? null, encoding: preview.encoding },
      text: [
        `Encoding: ${preview.encoding.used}${preview.encoding.used === preview.encoding.detected ? ` (detected: ${preview.encoding.reason}, ${preview.encoding.confidence})` : ` (chosen; detected ${preview.encoding.detected})`}`,
        `${preview.fileName}: read ${counts.read}, inserted ${counts.inserted}, duplicates ${counts.duplicates}, rejected ${counts.rejected} (${counts.casesOpened} cases opened, ${counts.alerts} alerts)`,
        ...(run.message ? [run.message] : []),
        `Report: ${report}`,
      ].join('\n'),
    };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'BAD_FILE' || error.code === 'NOT_FOUND')) {
      return { code: failed, json: { ok: false, code: error.code, message: error.message }, text: error.message };
    }
    throw error;
  }
}
