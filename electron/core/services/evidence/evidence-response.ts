import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { isSha256Hex, parseByteRange, resolveVaultObject } from './vault-paths';

export interface EvidenceRequest {
  /** The hash taken from the URL, or null when the URL had no hash in the one accepted form. */
  sha256: string | null;
  method: string;
  range?: string | null;
}

export interface EvidenceServeOptions {
  dataDir: string;
  /** The stored type of a live (not trashed) object, or null when no live evidence holds it. */
  lookup(sha256: string): Promise<{ mime: string } | null>;
}

// Evidence is whatever a customer or courier sent: never let the viewer run it or guess its type.
const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
  'cache-control': 'private, no-cache',
};

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/** `/evidence/<hash>` (HTTP): the hash, or null for any other path. */
export function evidenceHashFromPath(pathname: string): string | null {
  const prefix = '/evidence/';
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  return isSha256Hex(rest) ? rest : null;
}

/** `evidence://vault/<hash>` (Electron protocol): the hash, or null for any other URL. */
export function evidenceHashFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'evidence:' || parsed.host !== 'vault' || parsed.search !== '' || parsed.hash !== '') return null;
  const rest = parsed.pathname.slice(1);
  return parsed.pathname.startsWith('/') && isSha256Hex(rest) ? rest : null;
}

/**
 * The one implementation of serving vault bytes, shared by the HTTP adapter's route and the
 * Electron `evidence://` protocol. Serves only a known, live object by hash, with Range support
 * for seeking in audio and video; every other request gets the same 404.
 */
export async function evidenceResponse(request: EvidenceRequest, options: EvidenceServeOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { allow: 'GET, HEAD' });
  const sha256 = request.sha256;
  if (!isSha256Hex(sha256)) return plain(404, 'Not found');
  const known = await options.lookup(sha256);
  if (!known) return plain(404, 'Not found');
  const path = await resolveVaultObject(options.dataDir, sha256);
  if (!path) return plain(404, 'Not found');

  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  const range = parseByteRange(request.range, size);
  if (range === 'unsatisfiable') {
    await handle.close();
    return plain(416, 'Range not satisfiable', { 'content-range': `bytes */${size}` });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const headers: Record<string, string> = {
    ...baseHeaders,
    'content-type': known.mime,
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    etag: `"${sha256}"`,
    ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }),
  };
  if (request.method === 'HEAD' || size === 0) {
    await handle.close();
    return new Response(null, { status: range ? 206 : 200, headers });
  }
  // The stream closes the handle when it ends or is destroyed (a seeking player aborts often).
  const stream = handle.createReadStream({ start, end, highWaterMark: 256 * 1024 });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: range ? 206 : 200, headers });
}
