import type { EvidenceItem } from '../../../../shared/contract';
import { csvDocument } from '../../csv-writer';

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

/**
 * A case's evidence as a hash manifest: anyone holding the files can check them against it.
 * CSV goes through the app's one writer (csv-writer.ts: BOM, quoting, a hostile name defused);
 * JSON keeps every name exactly as given.
 */
export function buildManifest(caseId: string, items: EvidenceItem[], format: 'csv' | 'json', generatedAt: number): string {
  const rows = items.map(manifestRow);
  if (format === 'json') {
    return `${JSON.stringify({ caseId, generatedAt: new Date(generatedAt).toISOString(), algorithm: 'SHA-256', count: rows.length, items: rows }, null, 2)}\n`;
  }
  return csvDocument([[...columns], ...rows.map((row) => columns.map((column) => row[column]))]);
}
