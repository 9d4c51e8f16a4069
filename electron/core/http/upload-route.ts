import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../../../shared/contract/errors';
import { stagedPaths, stagingDir } from '../services/imports/source';

/** Exports of a few hundred thousand rows are tens of MB; this leaves room for a year of them. */
export const maxUploadBytes = 512 * 1024 * 1024;

class TooLarge extends Error {}

/**
 * `POST /upload?name=<file name>`: the browser harness's way to hand a file to an import or the
 * evidence vault (the desktop app passes tokens its main process vouched for). The raw body is
 * streamed to `<data-dir>/staging/<uuid>`, never held in memory; the answer is
 * `{ ok: true, value: { id } }` for a `{ kind: 'staged', id }` source.
 * Staged files are removed when their import finishes, or after 24 hours.
 */
export async function receiveUpload(req: IncomingMessage, dataDir: string, limit = maxUploadBytes): Promise<{ status: number; body: Envelope<{ id: string }> }> {
  const name = (new URL(req.url ?? '/', 'http://localhost').searchParams.get('name') ?? '').trim().slice(0, 255) || 'upload';
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return { status: 413, body: { ok: false, error: { code: 'VALIDATION', message: `The file is larger than ${limit} bytes.` } } };
  }
  const id = randomUUID();
  const paths = stagedPaths(dataDir, id);
  mkdirSync(stagingDir(dataDir), { recursive: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(paths.data));
  } catch (error) {
    rmSync(paths.data, { force: true });
    if (error instanceof TooLarge) return { status: 413, body: { ok: false, error: { code: 'VALIDATION', message: `The file is larger than ${limit} bytes.` } } };
    return { status: 400, body: { ok: false, error: { code: 'BAD_FILE', message: 'The upload was interrupted; try again.' } } };
  }
  writeFileSync(paths.meta, JSON.stringify({ name, size, at: Date.now() }));
  return { status: 200, body: { ok: true, value: { id } } };
}
