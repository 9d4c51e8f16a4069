import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Envelope } from '../../../shared/contract/errors';
import type { Core } from '../core';
import { evidenceHashFromPath, evidenceResponse } from '../services/evidence/evidence-response';
import { httpStatusFor } from './status-codes';
import { receiveUpload } from './upload-route';
import { contentTypeFor, resolveStaticFile, streamFile } from './static-files';

// Not an `import`: node:http's ES module namespace reads every export, and one of them loads
// Node's whole fetch implementation (~35 ms before the harness can listen).
const { createServer } = process.getBuiltinModule('node:http');

export interface TestRoutes {
  /** POST /__test/clock with { at?, advanceMs?, freeze?, reset? }. */
  clock(body: { at?: number; advanceMs?: number; freeze?: boolean; reset?: boolean }): number;
  /** POST /__test/reset: a fresh, empty data directory. */
  reset(): Promise<void>;
  /** GET /__test/platform: what the headless Platform recorded (notifications, opened paths). */
  platformRecords(): unknown[];
}

export interface HttpAdapterOptions {
  /** The core can be swapped by the reset route, so the adapter asks for it on each request. */
  core: () => Core;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  testRoutes?: TestRoutes;
  maxBodyBytes?: number;
  /** Limit for POST /upload (import files); default 512 MB. */
  maxUploadBytes?: number;
  /** Told when a file of the renderer starts and finishes going out (the harness schedules around the page's load). */
  onFile?: (event: 'sending' | 'sent', pathname: string) => void;
}

export interface HttpAdapter {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const tokenHeader = 'x-reviewdesk-token';
const host = '127.0.0.1';

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>) {
  sendJson(res, envelope.ok ? 200 : httpStatusFor[envelope.error.code], envelope);
}

function errorEnvelope(code: 'VALIDATION' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** The request's address, or null when it cannot be parsed (`//[`, `//x:99999`): a 400, not a crash. */
function parseRequestUrl(raw: string | undefined, port: number): URL | null {
  try {
    return new URL(raw ?? '/', `http://${host}:${port}`);
  } catch {
    return null;
  }
}

/** The method name from `/api/<name>`, or null when its percent-encoding is broken (`%E0%A4%A`). */
function methodFromPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

/** Quoted for a message: hostile paths are long and may hold anything. */
const shown = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The client went away mid-request (closed the tab, aborted the upload): nothing to answer, nothing
 * to log. Judged by the error alone: `req.destroyed` is also true once a body has been read whole.
 */
function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || (error instanceof Error && error.message === 'aborted');
}

/** The body as text, or null when it is over `limit` (the rest is drained so a 413 can be sent). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep reading without keeping: leaving the loop would destroy the socket before the answer.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/**
 * The HTTP adapter: the same core the desktop app runs, reachable from a browser on this machine
 * only. Binds 127.0.0.1, checks the Host header (DNS rebinding), and requires the per-run token on
 * every API and event request.
 */
export async function startHttpAdapter(options: HttpAdapterOptions): Promise<HttpAdapter> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBuffer = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const hasToken = (presented: string | null | undefined) => {
    if (!presented) return false;
    const buffer = Buffer.from(presented);
    return buffer.length === tokenBuffer.length && timingSafeEqual(buffer, tokenBuffer);
  };
  const hostAllowed = (value: string | undefined) =>
    value === `${host}:${port}` || value === `localhost:${port}`;

  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host)) {
        sendJson(res, 403, errorEnvelope('FORBIDDEN', 'Requests must be addressed to 127.0.0.1.'));
        return;
      }
      const url = parseRequestUrl(req.url, port);
      if (!url) {
        sendJson(res, 400, errorEnvelope('VALIDATION', `The address ${shown(req.url ?? '')} is not a valid URL path.`));
        return;
      }

      if (url.pathname === '/upload') {
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        if (!hasToken(req.headers[tokenHeader] as string | undefined)) {
          sendJson(res, 401, errorEnvelope('FORBIDDEN', 'Missing or wrong access token.'));
          return;
        }
        const upload = await receiveUpload(req, options.core().dataDir, options.maxUploadBytes);
        sendJson(res, upload.status, upload.body);
        return;
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        if (!hasToken(req.headers[tokenHeader] as string | undefined)) {
          sendJson(res, 401, errorEnvelope('FORBIDDEN', 'Missing or wrong access token. Open the address the app printed at start.'));
          return;
        }
        const body = await readBody(req, maxBody);
        if (body === null) {
          sendJson(res, 413, errorEnvelope('VALIDATION', `Request body is larger than ${maxBody} bytes.`));
          return;
        }
        let input: unknown = {};
        if (body.trim() !== '') {
          try {
            input = JSON.parse(body);
          } catch {
            sendEnvelope(res, errorEnvelope('VALIDATION', 'Request body is not valid JSON.'));
            return;
          }
        }
        const method = methodFromPath(url.pathname);
        if (method === null) {
          sendJson(res, 400, errorEnvelope('VALIDATION', `The method name in ${shown(url.pathname)} has broken percent-encoding; send it as /api/<domain>.<verb>.`));
          return;
        }
        sendEnvelope(res, await options.core().call(method, input));
        return;
      }

      if (url.pathname === '/events') {
        // A HEAD would never see its head (nothing is written until an event) and stay a client.
        if (req.method !== 'GET') {
          res.writeHead(405, { allow: 'GET' }).end();
          return;
        }
        if (!hasToken(url.searchParams.get('token') ?? (req.headers[tokenHeader] as string | undefined))) {
          sendJson(res, 401, errorEnvelope('FORBIDDEN', 'Missing or wrong access token.'));
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }

      if (url.pathname === '/evidence' || url.pathname.startsWith('/evidence/')) {
        // Token in the query: <img> and <audio> cannot send headers.
        if (!hasToken(url.searchParams.get('token') ?? (req.headers[tokenHeader] as string | undefined))) {
          sendJson(res, 401, errorEnvelope('FORBIDDEN', 'Missing or wrong access token.'));
          return;
        }
        const core = options.core();
        const response = await evidenceResponse(
          { sha256: evidenceHashFromPath(url.pathname), method: req.method ?? 'GET', range: req.headers.range },
          {
            dataDir: core.dataDir,
            lookup: async (sha256) => (await core.services?.evidence.resolveObject(sha256).catch(() => null)) ?? null,
          },
        );
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (!response.body) {
          res.end();
          return;
        }
        // A player that seeks closes the connection mid-file; that is not an error.
        await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res).catch(() => undefined);
        return;
      }

      if (url.pathname.startsWith('/__test/')) {
        const routes = options.testRoutes;
        if (!routes || req.method !== 'POST' && url.pathname !== '/__test/platform') {
          sendJson(res, 404, errorEnvelope('NOT_FOUND', 'No such route.'));
          return;
        }
        if (!hasToken(req.headers[tokenHeader] as string | undefined)) {
          sendJson(res, 401, errorEnvelope('FORBIDDEN', 'Missing or wrong access token.'));
          return;
        }
        if (url.pathname === '/__test/clock') {
          let body: Parameters<TestRoutes['clock']>[0];
          try {
            body = JSON.parse((await readBody(req, maxBody)) || '{}');
          } catch {
            sendJson(res, 400, errorEnvelope('VALIDATION', 'Request body is not valid JSON.'));
            return;
          }
          sendJson(res, 200, { ok: true, value: { now: routes.clock(body) } });
        } else if (url.pathname === '/__test/reset') {
          await routes.reset();
          subscribeCore();
          sendJson(res, 200, { ok: true, value: null });
        } else if (url.pathname === '/__test/platform') {
          sendJson(res, 200, { ok: true, value: routes.platformRecords() });
        } else {
          sendJson(res, 404, errorEnvelope('NOT_FOUND', 'No such route.'));
        }
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const file = await resolveStaticFile(options.staticDir, url.pathname);
      if (!file) {
        sendJson(res, 404, errorEnvelope('NOT_FOUND', 'Not found.'));
        return;
      }
      res.writeHead(200, {
        'content-type': contentTypeFor(file),
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // frame-ancestors only works as a header (ignored in the page's CSP meta).
        'content-security-policy': "frame-ancestors 'none'",
      });
      if (req.method === 'HEAD') res.end();
      else {
        options.onFile?.('sending', url.pathname);
        // A file removed mid-response (a rebuild of out/renderer) must not crash the harness.
        pipeline(streamFile(file), res)
          .catch(() => res.destroy())
          .finally(() => options.onFile?.('sent', url.pathname));
      }
    } catch (error) {
      if (isClientGone(error)) {
        res.destroy();
        return;
      }
      console.error('[http] request failed', error);
      if (!res.headersSent) sendJson(res, 500, errorEnvelope('INTERNAL', 'The request failed unexpectedly.'));
      else res.end();
    }
  });

  let unsubscribe: (() => void) | null = null;
  const subscribeCore = () => {
    unsubscribe?.();
    unsubscribe = options.core().events.subscribe((message) => {
      const frame = `event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    });
  };
  subscribeCore();
  const keepAlive = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    token,
    async close() {
      clearInterval(keepAlive);
      unsubscribe?.();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
