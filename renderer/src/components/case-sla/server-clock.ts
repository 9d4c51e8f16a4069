import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The backend's clock as the renderer sees it: every answer that carries the server's `now`
 * updates the offset, so countdowns follow the backend (and its fake clock in e2e tests), not the
 * computer's own clock.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Records the server's `now` from a fresh answer. */
export function noteServerNow(serverNow: number, localNow: number = Date.now()): void {
  const next = serverNow - localNow;
  if (next === offsetMs) return;
  offsetMs = next;
  listeners.forEach((listener) => listener());
}

/** The server's current time, estimated from the last offset. */
export function serverNow(localNow: number = Date.now()): number {
  return localNow + offsetMs;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The server's time, re-rendering every `tickMs` (default one second) and when the offset changes. */
export function useServerNow(tickMs = 1000): number {
  const offset = useSyncExternalStore(subscribe, () => offsetMs);
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocal(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return local + offset;
}
