import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Settings read and written synchronously: for use inside inTransaction and in the synchronous
 * paths (the SLA tick, the notification outbox, approval checks inside a case transition). Same
 * rows, names and meaning as the sync pair beside readSetting / writeSetting in settings.ts,
 * where these belong once that pair is in: the value is parsed JSON, undefined when unset, and
 * the service that owns a key validates its shape.
 */
export function readSettingSync(sqlite: Sqlite, key: string): unknown {
  const row = prepareCached(sqlite, 'SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

export function writeSettingSync(sqlite: Sqlite, key: string, value: unknown, now: number): void {
  prepareCached(
    sqlite,
    'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now);
}
