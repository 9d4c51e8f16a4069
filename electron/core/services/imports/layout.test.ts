import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop } from '../../../../tests/helpers/inbox';

const tempDir = useTempDirs();

describe('header search', () => {
  it('finds the header above a few hundred thousand blank lines (one chunk of records) and imports the rows after them', async () => {
    const { core, call } = await startTestCore(tempDir());
    const shopId = await createShop(call);
    const text = `订单编号,评价内容,评价时间,评价结果${'\n'.repeat(200_000)}3456789012345678901,质量太差了,2026-11-24 09:30:00,差评\n`;
    const source = { kind: 'text', text } as const;
    const preview = await core.call('imports.preview', { source, platform: 'taobao' });
    expect(preview).toMatchObject({ ok: true, value: { headers: ['订单编号', '评价内容', '评价时间', '评价结果'], missingFields: [] } });
    const { importId } = await call('imports.start', { source, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, level: 3 } });
    expect((await core.services!.imports.waitFor(importId)).counts).toMatchObject({ inserted: 1, rejected: 0 });
    await core.close();
  });
});
