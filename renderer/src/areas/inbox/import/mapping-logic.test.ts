import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../../shared/contract';
import { missingFields, previewRows, unusedColumns } from './mapping-logic';

const preview: ImportPreview = {
  fileName: 'export.csv',
  format: 'csv',
  encoding: { detected: 'utf-8', used: 'utf-8', confidence: 'high', reason: 'valid_utf8', invalidUtf8: 0, sampleBytes: 2048 },
  delimiter: ',',
  sheets: [],
  headerRow: 1,
  headers: ['订单号', '客户留言', '评价时间', '评分'],
  sampleRows: [
    ['A1', '快递太慢', '2026-11-20 10:00', '1'],
    ['A2', '', '2026-11-20 11:00', '5'],
  ],
  presetId: null,
  suggestedMapping: { orderNo: 0, postedAt: 2, rating: 3 },
  unmappedHeaders: ['客户留言'],
  missingFields: ['text'],
  dedupeKey: '订单号 + 评价时间',
  dedupe: { idHeader: '评价ID', orderHeader: '订单编号', orderFallbackHeader: null, timeHeader: '评价时间' },
};

describe('mapping logic', () => {
  it('reports required fields, treating level and rating as either-or', () => {
    expect(missingFields({ orderNo: 0, postedAt: 2, rating: 3 })).toEqual(['text']);
    expect(missingFields({ text: 1 })).toEqual(['postedAt', 'level', 'rating']);
    expect(missingFields({ text: 1, postedAt: 2, level: null, rating: 3 })).toEqual([]);
  });

  it('lists the columns nothing reads', () => {
    expect(unusedColumns(preview.headers, preview.suggestedMapping)).toEqual([1]);
  });

  it('reads the sample rows through the mapping and marks rows that would be rejected', () => {
    const rows = previewRows(preview, { ...preview.suggestedMapping, text: 1 });
    expect(rows[0]).toEqual({ rowNumber: 2, values: { orderNo: 'A1', text: '快递太慢', postedAt: '2026-11-20 10:00', rating: '1' }, problems: [] });
    expect(rows[1]!.problems).toEqual(['text']);
  });
});
