import type { EvidenceItem } from '../../../../shared/contract';

const columns = ['id', 'originalName', 'sha256', 'size', 'mime', 'detectedType', 'kind', 'capturedAt', 'addedAt', 'addedBy'] as const;

function manifestRow(item: EvidenceItem) {
  return {
    id: item.id,
    originalName: item.originalName,
    sha256: item.sha256,
    size: item.size,
    mime: item.mime,
    detectedType: item.detectedType,
    kind: item.kind,
    capturedAt: item.capturedAt === null ? null : new Date(item.capturedAt).toISOString(),
    addedAt: new Date(item.addedAt).toISOString(),
    addedBy: item.addedBy,
  };
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows a hostile name instead of running it. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A case's evidence as a hash manifest: anyone holding the files can check them against it.
 * CSV starts with a BOM so Excel on Chinese Windows reads UTF-8 names correctly; JSON keeps every
 * name exactly as given.
 */
export function buildManifest(caseId: string, items: EvidenceItem[], format: 'csv' | 'json', generatedAt: number): string {
  const rows = items.map(manifestRow);
  if (format === 'json') {
    return `${JSON.stringify({ caseId, generatedAt: new Date(generatedAt).toISOString(), algorithm: 'SHA-256', count: rows.length, items: rows }, null, 2)}\n`;
  }
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
