import type { Language } from '../../../shared/domain/preferences';

/** Shows a stored UTC epoch-ms instant as wall-clock time in the shop's time zone. */
export function formatDateTime(epochMs: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}

/** Human file size with one decimal, in binary units as file managers show them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
