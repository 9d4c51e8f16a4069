import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { imageSize } from 'image-size';
import { imageSizeFromFile } from 'image-size/fromFile';
import { parseFile } from 'music-metadata';
import type { EvidenceMedia } from '../../../../shared/domain/evidence';

export interface ContentInfo {
  detectedType: string;
  mime: string;
  media: EvidenceMedia;
  previewable: boolean;
  extensionMismatch: boolean;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}

interface TypeRule {
  media: EvidenceMedia;
  /** Whether the app (Chromium) can show or play it. */
  previewable: boolean;
  /** Extensions a file of this type may carry without being flagged. */
  extensions: string[];
}

const rules: Record<string, TypeRule> = {
  png: { media: 'image', previewable: true, extensions: ['png'] },
  jpg: { media: 'image', previewable: true, extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  webp: { media: 'image', previewable: true, extensions: ['webp'] },
  gif: { media: 'image', previewable: true, extensions: ['gif'] },
  // Phones save HEIC; Chromium cannot decode it, so it is kept and flagged, shown as a download.
  heic: { media: 'image', previewable: false, extensions: ['heic', 'heif'] },
  mp3: { media: 'audio', previewable: true, extensions: ['mp3'] },
  m4a: { media: 'audio', previewable: true, extensions: ['m4a', 'aac'] },
  wav: { media: 'audio', previewable: true, extensions: ['wav'] },
  // Call recordings from many phones; Chromium cannot play AMR.
  amr: { media: 'audio', previewable: false, extensions: ['amr'] },
  mp4: { media: 'video', previewable: true, extensions: ['mp4', 'm4v'] },
  mov: { media: 'video', previewable: true, extensions: ['mov', 'qt'] },
  pdf: { media: 'pdf', previewable: true, extensions: ['pdf'] },
  txt: { media: 'text', previewable: true, extensions: ['txt', 'text', 'log', 'csv'] },
  html: { media: 'text', previewable: true, extensions: ['html', 'htm'] },
};
const knownExtensions = new Set(Object.values(rules).flatMap((rule) => rule.extensions));

function nameExtension(name: string): string {
  return extname(name).slice(1).toLowerCase();
}

/** Whether the name claims a different type than the content has. A name without extension claims nothing. */
function extensionMismatch(name: string, detectedType: string): boolean {
  const extension = nameExtension(name);
  if (extension === '') return false;
  const rule = rules[detectedType];
  if (rule) return !rule.extensions.includes(extension);
  if (detectedType === 'unknown') return knownExtensions.has(extension);
  return extension !== detectedType;
}

const allowedControlBytes = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

/**
 * Chat exports have no magic bytes: take the start of the file as text when it decodes cleanly
 * as UTF-8, UTF-16 (with BOM) or GB18030 (older Chinese Windows exports) and has no binary noise.
 */
export function detectText(head: Buffer): { type: 'txt' | 'html'; charset: string } | null {
  let charset: string | null = null;
  let text = '';
  if (head[0] === 0xff && head[1] === 0xfe) charset = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) charset = 'utf-16be';
  if (charset) {
    text = new TextDecoder(charset).decode(head);
  } else {
    let control = 0;
    for (const byte of head) {
      if (byte === 0) return null;
      if (byte < 0x20 && !allowedControlBytes.has(byte)) control += 1;
    }
    if (control > head.length / 100) return null;
    for (const candidate of ['utf-8', 'gb18030']) {
      try {
        // stream: the sample may end inside a multi-byte character.
        text = new TextDecoder(candidate, { fatal: true }).decode(head, { stream: true });
        charset = candidate;
        break;
      } catch {
        // try the next encoding
      }
    }
    if (!charset) return null;
  }
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  const html = start.startsWith('<!doctype html') || start.startsWith('<html') || /<(html|head|body)[\s>]/.test(start);
  return { type: html ? 'html' : 'txt', charset };
}

/** AMR is a sequence of 20 ms frames whose sizes follow from each frame's header; count them. */
async function amrDurationMs(path: string): Promise<number | null> {
  const nbSizes = [12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0];
  const wbSizes = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0];
  let sizes: number[] | null = null;
  let frames = 0;
  let skip = 0;
  let headerSeen = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let offset = 0;
    if (!headerSeen) {
      const magic = chunk.subarray(0, 9).toString('latin1');
      if (magic.startsWith('#!AMR-WB\n')) [sizes, offset] = [wbSizes, 9];
      else if (magic.startsWith('#!AMR\n')) [sizes, offset] = [nbSizes, 6];
      else return null;
      headerSeen = true;
    }
    offset += skip;
    while (offset < chunk.length) {
      frames += 1;
      const frameSize = sizes![(chunk[offset]! >> 3) & 0x0f]!;
      offset += 1 + frameSize;
    }
    skip = offset - chunk.length;
  }
  return frames * 20;
}

/**
 * Duration of an MP4/MOV from the movie header (moov/mvhd). music-metadata only reports the first
 * audio track's length, so a silent screen recording would have none. Walks box headers only,
 * seeking over the media data, so a 2 GB video costs a few small reads.
 */
async function isoMediaDurationMs(path: string): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(16);
    const readAt = async (position: number, length: number) => {
      const { bytesRead } = await handle.read(header, 0, length, position);
      return bytesRead === length;
    };
    const findBox = async (start: number, end: number, type: string): Promise<{ body: number; end: number } | null> => {
      let position = start;
      while (position + 8 <= end) {
        if (!(await readAt(position, 16 <= end - position ? 16 : 8))) return null;
        let boxSize = header.readUInt32BE(0);
        let headerSize = 8;
        if (boxSize === 1) [boxSize, headerSize] = [Number(header.readBigUInt64BE(8)), 16];
        else if (boxSize === 0) boxSize = end - position;
        if (boxSize < headerSize) return null;
        if (header.toString('latin1', 4, 8) === type) return { body: position + headerSize, end: Math.min(position + boxSize, end) };
        position += boxSize;
      }
      return null;
    };
    const moov = await findBox(0, size, 'moov');
    const mvhd = moov && (await findBox(moov.body, moov.end, 'mvhd'));
    if (!mvhd) return null;
    const body = Buffer.alloc(32);
    await handle.read(body, 0, 32, mvhd.body);
    const [timescale, duration] =
      body[0] === 1 ? [body.readUInt32BE(20), Number(body.readBigUInt64BE(24))] : [body.readUInt32BE(12), body.readUInt32BE(16)];
    return timescale > 0 ? Math.round((duration / timescale) * 1000) : null;
  } finally {
    await handle.close();
  }
}

const toMs = (seconds: number | undefined) => (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null);

// duration:false: estimate from headers instead of reading a whole recording.
const headerOnly = { duration: false, skipCovers: true, skipPostHeaders: true };

async function durationMs(path: string, type: string): Promise<number | null> {
  if (type === 'amr') return amrDurationMs(path);
  if (type === 'mp4' || type === 'mov') return isoMediaDurationMs(path);
  // An M4A is an MP4 file: its movie header has the length, a few reads away. music-metadata
  // walks every atom with many small reads (~2.5 ms a file, measured); it stays the fallback.
  if (type === 'm4a') {
    const fromHeader = await isoMediaDurationMs(path).catch(() => null);
    if (fromHeader !== null) return fromHeader;
  }
  return toMs((await parseFile(path, headerOnly)).format.duration);
}

/**
 * What a stored file is, from its content: type from the magic bytes (file-type), image
 * dimensions (image-size), audio duration (music-metadata; AMR and the MP4/MOV movie header read here). A file whose
 * details cannot be read is still kept: the details are null.
 */
export async function inspectContent(path: string, head: Buffer, originalName: string): Promise<ContentInfo> {
  // The head read while copying answers almost every file; only a long ID3 tag (cover art in
  // front of an MP3) needs the file itself.
  let magic = await fileTypeFromBuffer(head).catch(() => undefined);
  if (!magic && head.subarray(0, 3).toString('latin1') === 'ID3') magic = await fileTypeFromFile(path).catch(() => undefined);
  let detectedType: string;
  let mime: string;
  if (magic) {
    detectedType = magic.ext === 'heif' ? 'heic' : magic.ext;
    mime = magic.mime;
  } else {
    const text = detectText(head);
    detectedType = text?.type ?? 'unknown';
    mime = text ? `${text.type === 'html' ? 'text/html' : 'text/plain'}; charset=${text.charset}` : 'application/octet-stream';
  }
  const rule = rules[detectedType];
  const media = rule?.media ?? 'other';
  let width: number | null = null;
  let height: number | null = null;
  let duration: number | null = null;
  if (media === 'image') {
    let size: { width?: number; height?: number } | null;
    try {
      size = imageSize(head);
    } catch {
      // a JPEG whose size marker sits after a long EXIF block: read further into the file
      size = await imageSizeFromFile(path).catch(() => null);
    }
    if (size?.width && size.height) [width, height] = [size.width, size.height];
  } else if (media === 'audio' || media === 'video') {
    duration = await durationMs(path, detectedType).catch(() => null);
  }
  return {
    detectedType,
    mime,
    media,
    previewable: rule?.previewable ?? false,
    extensionMismatch: extensionMismatch(originalName, detectedType),
    width,
    height,
    durationMs: duration,
  };
}
