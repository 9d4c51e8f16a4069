import type { Envelope, EventName } from '../../../shared/contract';
import { ApiError } from './api-error';
import type { Transport } from './transport';

const tokenStorageKey = 'reviewdesk.token';
const tokenHeader = 'x-reviewdesk-token';

/**
 * Takes the access token from `?token=` on first load, keeps it for this tab only and removes it
 * from the address bar, so it does not end up in screenshots, history or bug reports.
 */
export function takeTokenFromUrl(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(tokenStorageKey, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(tokenStorageKey);
}

/**
 * The browser harness's access token for this tab (kept by takeTokenFromUrl), for URLs that cannot
 * send a header such as `/evidence/<sha256>?token=` in an <img> or <audio>. null inside Electron.
 */
export function currentAccessToken(win: Window = window): string | null {
  return win.sessionStorage.getItem(tokenStorageKey);
}

/** Transport for the browser harness and e2e: POST /api/<method>, events over SSE. */
export function createHttpTransport(token: string | null, baseUrl = ''): Transport {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  // One EventSource for all listeners, opened on first subscription. Each event name gets its
  // listener when first subscribed: the list of names would bring the contract's schemas (and
  // zod) into the window's first chunk.
  function listen(name: EventName): void {
    if (!source && typeof EventSource !== 'undefined') source = new EventSource(`${baseUrl}/events?token=${encodeURIComponent(token ?? '')}`);
    if (!source || handlers.has(name)) return;
    source.addEventListener(name, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      handlers.get(name)?.forEach((handler) => handler(payload));
    });
  }

  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [tokenHeader]: token ?? '' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw new ApiError('NETWORK', cause instanceof Error ? cause.message : String(cause));
      }
      if (response.status === 401) {
        throw new ApiError('UNAUTHORIZED', `HTTP 401 from /api/${method}: missing or wrong access token`);
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        throw new ApiError('NETWORK', `HTTP ${response.status} from /api/${method} without a JSON envelope`);
      }
    },
    async stageFile(file) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', [tokenHeader]: token ?? '' },
          body: file,
        });
      } catch (cause) {
        throw new ApiError('NETWORK', cause instanceof Error ? cause.message : String(cause));
      }
      if (response.status === 401) throw new ApiError('UNAUTHORIZED', 'HTTP 401 from /upload: missing or wrong access token');
      let envelope: Envelope<{ id: string }>;
      try {
        envelope = (await response.json()) as Envelope<{ id: string }>;
      } catch {
        throw new ApiError('NETWORK', `HTTP ${response.status} from /upload without a JSON envelope`);
      }
      if (!envelope.ok) throw ApiError.fromBody(envelope.error);
      return { kind: 'staged', id: envelope.value.id };
    },
    on(event, handler) {
      listen(event);
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
  };
}
