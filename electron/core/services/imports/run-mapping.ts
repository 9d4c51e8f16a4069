import type { ColumnMapping, MappingPreset } from '../../../../shared/contract';
import type { ReviewField } from '../../../../shared/domain/reviews';
import { findRunMapping } from '../../../../db/queries/imports';
import type { Executor } from '../../../../db/queries/executor';
import { notFound } from '../../errors';
import { presetFromMapping } from './presets';

const runPresetPrefix = 'import-';

/** The preset id that names an earlier run's mapping: `import-<run id>`. */
export function runPresetIdOf(importId: number): string {
  return `${runPresetPrefix}${importId}`;
}

/** The run behind an `import-<id>` preset id, or null for any other id. */
export function runPresetId(presetId: string): number | null {
  const match = new RegExp(`^${runPresetPrefix}(\\d+)$`).exec(presetId);
  return match ? Number(match[1]) : null;
}

/**
 * The mapping a run used, by header name, and as a preset that maps another file the same way
 * (by those names, as saved presets do). NOT_FOUND for an unknown run.
 */
export async function mappingOfRun(db: Executor, importId: number) {
  const found = await findRunMapping(db, importId);
  if (!found) throw notFound('Import', importId);
  const { run, mapping, headers } = found;
  const byName = headers ? presetFromMapping(headers, mapping as ColumnMapping) : {};
  const named = Object.fromEntries(Object.entries(byName).map(([field, names]) => [field, names![0]!])) as Partial<Record<ReviewField, string>>;
  const preset: MappingPreset | null =
    Object.keys(byName).length === 0
      ? null
      : { id: runPresetIdOf(run.id), name: run.fileName, platform: run.platform, builtIn: false, headers: byName };
  return { importId: run.id, fileName: run.fileName, platform: run.platform, shopId: run.shopId, headers: named, preset };
}
