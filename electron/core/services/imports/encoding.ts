import iconv from 'iconv-lite';
import type { TextEncoding } from '../../../../shared/domain/reviews';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (skipped when decoding). */
  bomLength: number;
}

/**
 * Exports come as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or
 * GB18030/GBK (older Windows tools, 千牛). A BOM decides; else valid UTF-8 is UTF-8; else GB18030,
 * which is a superset of GBK and GB2312.
 */
export function detectEncoding(head: Buffer): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = head.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  if (sample.length >= 4 && oddZeros > sample.length / 4 && evenZeros === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (sample.length >= 4 && evenZeros > sample.length / 4 && oddZeros === 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a character cut off by the end of the sample.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (needed > back) end -= back;
    }
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** A streaming decoder: characters split across chunks come out whole. The BOM is dropped. */
export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}
