import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Small but real files of every type the vault knows, built byte by byte so tests and the
 * benchmark need no binary fixtures. `payload` pads a file to a size with random bytes where the
 * format allows it (image data, audio frames, the mp4 media box).
 */
export type SampleType = 'png' | 'jpg' | 'gif' | 'webp' | 'heic' | 'mp3' | 'm4a' | 'wav' | 'amr' | 'mp4' | 'mov' | 'pdf' | 'txt' | 'gbk-txt' | 'html';

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
}

function isoMedia(brand: string, durationMs: number, payload: number): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale: ms
  mvhd.writeUInt32BE(durationMs, 16);
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  mvhd.writeUInt32BE(2, 96); // next track id
  return Buffer.concat([
    box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(`${brand}isom`, 'latin1')),
    box('moov', box('mvhd', mvhd)),
    box('mdat', randomBytes(payload)),
  ]);
}

export function sampleFile(type: SampleType, payload = 256): Buffer {
  switch (type) {
    case 'png': {
      const ihdr = Buffer.alloc(13);
      ihdr.writeUInt32BE(640, 0);
      ihdr.writeUInt32BE(480, 4);
      ihdr.set([8, 2, 0, 0, 0], 8);
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        pngChunk('IHDR', ihdr),
        pngChunk('IDAT', randomBytes(payload)),
        pngChunk('IEND', Buffer.alloc(0)),
      ]);
    }
    case 'jpg': {
      const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
      const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x00, 0x04, 0x00, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
      // 1024 × 768; the scan data is noise with no 0xFF so no marker appears inside it.
      const scan = Buffer.from(randomBytes(payload).map((byte) => (byte === 0xff ? 0xfe : byte)));
      return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xda, 0x00, 0x02]), scan, Buffer.from([0xff, 0xd9])]);
    }
    case 'gif': {
      const header = Buffer.from('GIF89a\x20\x03\x58\x02\x00\x00\x00', 'latin1'); // 800 × 600
      return Buffer.concat([header, randomBytes(payload), Buffer.from([0x3b])]);
    }
    case 'webp': {
      const vp8x = Buffer.alloc(10);
      vp8x.writeUIntLE(1920 - 1, 4, 3);
      vp8x.writeUIntLE(1080 - 1, 7, 3);
      const chunk = Buffer.concat([Buffer.from('VP8X', 'latin1'), Buffer.from([10, 0, 0, 0]), vp8x]);
      const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk, randomBytes(payload)]);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(body.length);
      return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
    }
    case 'heic':
      return Buffer.concat([box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1')), randomBytes(payload)]);
    case 'mp3': {
      // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames, 26.1 ms each.
      const frames = Math.max(3, Math.ceil(payload / 417));
      return Buffer.concat(Array.from({ length: frames }, () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(413)])));
    }
    case 'm4a':
      return isoMedia('M4A ', 3000, payload);
    case 'mp4':
      return isoMedia('isom', 5000, payload);
    case 'mov':
      return isoMedia('qt  ', 7000, payload);
    case 'wav': {
      // 8 kHz mono 16-bit: 16 000 bytes a second.
      const data = Buffer.alloc(Math.max(payload, 16_000));
      const fmt = Buffer.alloc(16);
      fmt.writeUInt16LE(1, 0);
      fmt.writeUInt16LE(1, 2);
      fmt.writeUInt32LE(8000, 4);
      fmt.writeUInt32LE(16000, 8);
      fmt.writeUInt16LE(2, 12);
      fmt.writeUInt16LE(16, 14);
      const chunk = (id: string, body: Buffer) => {
        const size = Buffer.alloc(4);
        size.writeUInt32LE(body.length);
        return Buffer.concat([Buffer.from(id, 'latin1'), size, body]);
      };
      const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), chunk('fmt ', fmt), chunk('data', data)]);
      return chunk('RIFF', body);
    }
    case 'amr': {
      // AMR-NB 12.2 kbit/s frames: 1 header byte (mode 7) + 31 bytes, 20 ms each.
      const frames = Math.max(50, Math.ceil(payload / 32));
      const frame = Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31, 0x11)]);
      return Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), ...Array.from({ length: frames }, () => frame)]);
    }
    case 'pdf':
      return Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(payload), Buffer.from('\n%%EOF\n')]);
    case 'txt':
      return Buffer.from(`2026-11-20 10:01 买家：收到的杯子有裂痕\n2026-11-20 10:02 客服：亲，麻烦拍照给我们看看\n`.repeat(Math.max(1, Math.ceil(payload / 120))));
    case 'gbk-txt':
      // "差评" and friends in GB18030, as older Windows chat tools export them.
      return Buffer.from([0xb2, 0xee, 0xc6, 0xc0, 0x0a, 0xc2, 0xf2, 0xbc, 0xd2, 0xa3, 0xba, 0xca, 0xd5, 0xb5, 0xbd, 0x0a]);
    case 'html':
      return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>聊天记录</title></head><body><p>买家：破损</p><script>alert(1)</script></body></html>`);
  }
}
