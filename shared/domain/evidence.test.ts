import { describe, expect, it } from 'vitest';
import { evidenceAddBatching, takeAddBatch } from './evidence';

const mb = 1024 * 1024;
const files = (...sizes: number[]) => sizes.map((size, index) => ({ name: `f${index}`, size }));

describe('takeAddBatch', () => {
  it('takes up to the file limit and leaves the rest queued in order', () => {
    const { filesMax } = evidenceAddBatching;
    const queue = files(...Array.from({ length: filesMax + 5 }, () => mb));
    const batch = takeAddBatch(queue);
    expect(batch.map((file) => file.name)).toEqual(Array.from({ length: filesMax }, (_unused, index) => `f${index}`));
    expect(queue.map((file) => file.name)).toEqual(Array.from({ length: 5 }, (_unused, index) => `f${filesMax + index}`));
  });

  it('stops before the byte limit, but a file larger than it still goes, alone', () => {
    const limit = evidenceAddBatching.bytesMax;
    const queue = files(limit + mb, limit / 2, limit / 2 - mb, 2 * mb, mb);
    expect(takeAddBatch(queue).map((file) => file.name)).toEqual(['f0']);
    expect(takeAddBatch(queue).map((file) => file.name)).toEqual(['f1', 'f2']);
    expect(takeAddBatch(queue).map((file) => file.name)).toEqual(['f3', 'f4']);
    expect(takeAddBatch(queue)).toEqual([]);
  });
});
