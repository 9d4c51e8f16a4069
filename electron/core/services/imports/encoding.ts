import iconv from 'iconv-lite';
import type { EncodingConfidence, EncodingReason, TextEncoding } from '../../../../shared/domain/reviews';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (skipped when decoding). */
  bomLength: number;
  confidence: EncodingConfidence;
  reason: EncodingReason;
  /** Byte sequences in the sample that are not UTF-8. */
  invalidUtf8: number;
  sampleBytes: number;
}

/** Counts of a sample read as UTF-8: characters beyond ASCII that are whole, and bad sequences. */
export interface Utf8Scan {
  valid: number;
  /** Of the valid ones, those of three or four bytes (CJK is three). */
  wide: number;
  /** Runs of bytes that are not UTF-8. */
  invalid: number;
}

/**
 * A UTF-8 validator that counts rather than stops, so one stray byte does not decide the file;
 * a character cut off by the end of the sample is neither.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let wide = 0;
  let invalid = 0;
  // Bad bytes in a row are one bad sequence (a stray byte that split a character leaves its
  // continuation bytes behind it).
  let lastBad = -1;
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const needed = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    if (needed < 0) {
      if (lastBad !== i) invalid++;
      lastBad = ++i;
      continue;
    }
    if (i + needed >= length) {
      // Cut off by the end of the sample: check what is there, count nothing.
      let ok = true;
      for (let k = i + 1; k < length; k++) if (((bytes[k] as number) & 0xc0) !== 0x80) ok = false;
      if (!ok && lastBad !== i) invalid++;
      break;
    }
    const second = bytes[i + 1] as number;
    // The second byte's range also refuses overlong forms and surrogates (RFC 3629).
    const secondOk =
      (second & 0xc0) === 0x80 &&
      !(byte === 0xe0 && second < 0xa0) &&
      !(byte === 0xed && second > 0x9f) &&
      !(byte === 0xf0 && second < 0x90) &&
      !(byte === 0xf4 && second > 0x8f);
    let ok = secondOk;
    for (let k = 2; ok && k <= needed; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      if (needed >= 2) wide++;
      i += needed + 1;
    } else {
      if (lastBad !== i) invalid++;
      lastBad = ++i;
    }
  }
  return { valid, wide, invalid };
}

/**
 * UTF-8 with a few bad bytes is still UTF-8 (a cut-and-paste accident, one corrupt cell): at most
 * 0.1% of the sample and one bad sequence per 20 good characters. GB18030 text read as UTF-8
 * gives bad sequences for most of its characters, far past both. The good characters must also
 * be mostly three bytes long, as Chinese is in UTF-8: some GB18030 texts (runs of hanzi whose two
 * bytes happen to form two-byte UTF-8, U+0080–U+07FF) pass the first two tests; on the real review
 * corpus this last test turned 18 of 62,773 single reviews from wrong to right.
 */
export function mostlyUtf8(scan: Utf8Scan, sampleBytes: number): boolean {
  return scan.invalid <= Math.max(2, sampleBytes / 1000) && scan.valid >= 20 * scan.invalid && scan.wide * 2 >= scan.valid;
}

/**
 * Exports come as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or
 * GB18030/GBK (older Windows tools, 千牛). A BOM decides; else the whole sample is weighed as
 * UTF-8 (see `mostlyUtf8`); else GB18030, which is a superset of GBK and GB2312. The answer says
 * how sure it is and why, so the preview can show it and the person can override it.
 */
export function detectEncoding(head: Buffer): DetectedEncoding {
  const base = { invalidUtf8: 0, sampleBytes: head.length };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { ...base, encoding: 'utf-8', bomLength: 3, confidence: 'certain', reason: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { ...base, encoding: 'utf-16le', bomLength: 2, confidence: 'certain', reason: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { ...base, encoding: 'utf-16be', bomLength: 2, confidence: 'certain', reason: 'bom' };
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = head.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  if (sample.length >= 4 && oddZeros > sample.length / 4 && evenZeros === 0) return { ...base, encoding: 'utf-16le', bomLength: 0, confidence: 'high', reason: 'utf16_zeros' };
  if (sample.length >= 4 && evenZeros > sample.length / 4 && oddZeros === 0) return { ...base, encoding: 'utf-16be', bomLength: 0, confidence: 'high', reason: 'utf16_zeros' };
  const scan = scanUtf8(head);
  const detected = { ...base, invalidUtf8: scan.invalid, bomLength: 0 };
  if (scan.invalid === 0) {
    // Plain ASCII reads the same in every supported encoding but UTF-16.
    return scan.valid === 0 ? { ...detected, encoding: 'utf-8', confidence: 'high', reason: 'ascii' } : { ...detected, encoding: 'utf-8', confidence: 'high', reason: 'valid_utf8' };
  }
  if (mostlyUtf8(scan, head.length)) return { ...detected, encoding: 'utf-8', confidence: 'medium', reason: 'utf8_bad_bytes' };
  // GB18030 decodes almost any bytes; text that leaves replacement characters even so is neither.
  const asGb = iconv.decode(head, 'gb18030');
  let replaced = 0;
  for (let at = asGb.indexOf('\ufffd'); at >= 0; at = asGb.indexOf('\ufffd', at + 1)) replaced++;
  // Whichever loses fewer characters, UTF-8 on a tie when its characters look like Chinese: a short
  // UTF-8 file with a few stray bytes fails the proportions above, and read as GB18030 it loses as
  // many characters or more and turns every row into mojibake. Real GB18030 text breaks as UTF-8 at
  // most of its characters and decodes as GB18030 with none lost, so it never gets here.
  if (replaced >= scan.invalid && scan.valid >= 10 * scan.invalid && scan.wide * 2 >= scan.valid) return { ...detected, encoding: 'utf-8', confidence: 'low', reason: 'utf8_bad_bytes' };
  return { ...detected, encoding: 'gb18030', confidence: replaced <= 1 ? 'high' : 'low', reason: 'not_utf8' };
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
