import { describe, expect, it } from 'vitest';
import { createDispatch } from './dispatch';
import { AppError } from './errors';
import type { HandlerMap, RequestContext } from './handler-types';
import { handlers } from './services/handlers';
import { RecordingPlatform } from './platform';
import { systemClock } from './clock';
import { VouchedPaths } from './services/files/vouched-paths';

const context: RequestContext = {
  actor: 'tester',
  authorize: () => {},
  platform: new RecordingPlatform(),
  status: () => ({ state: 'error', version: '0', reason: 'corrupt', message: 'x', dbPath: '/d', backupsDir: '/b' }),
  services: () => {
    throw new AppError('UNAVAILABLE', 'no database');
  },
  trusted: false,
  vouched: new VouchedPaths(systemClock),
  dataDir: '/d',
  restore: () => Promise.reject(new AppError('UNAVAILABLE', 'no database')),
};

function dispatchWith(overrides: Partial<HandlerMap>, logs: string[] = []) {
  return createDispatch({ ...handlers, ...overrides } as HandlerMap, { validateOutput: true, log: (l) => logs.push(l) });
}

describe('dispatch', () => {
  it('answers an unknown method with VALIDATION, never calling a handler', async () => {
    const result = await dispatchWith({})('shops.dropAll', {}, context);
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Unknown method "shops.dropAll".' } });
  });

  it('refuses prototype keys as method names', async () => {
    const result = await dispatchWith({})('constructor', {}, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('reports wrong-typed input field by field', async () => {
    const result = await dispatchWith({})('staff.create', { name: 42, role: 'boss' }, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.issues?.map((i) => i.path).sort()).toEqual(['name', 'role']);
  });

  it('refuses unknown extra keys so typos surface', async () => {
    const result = await dispatchWith({})('staff.create', { name: 'A', role: 'agent', rol: 'x' }, context);
    expect(result.ok).toBe(false);
  });

  it('passes AppError codes through and hides unexpected errors behind INTERNAL', async () => {
    const logs: string[] = [];
    const dispatch = dispatchWith(
      {
        'shops.list': () => {
          throw new AppError('NOT_FOUND', 'gone');
        },
        'staff.list': () => {
          throw new Error('disk exploded at /secret/path');
        },
      },
      logs,
    );
    expect(await dispatch('shops.list', {}, context)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const internal = await dispatch('staff.list', {}, context);
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('INTERNAL');
      expect(internal.error.message).not.toContain('/secret/path');
    }
    expect(logs.join('\n')).toContain('disk exploded');
  });

  it('catches output that drifts from the contract', async () => {
    const logs: string[] = [];
    const dispatch = dispatchWith({ 'shops.list': () => ({ items: [{ id: 'one' }] }) as never }, logs);
    const result = await dispatch('shops.list', {}, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    expect(logs.some((l) => l.includes('breaks the contract'))).toBe(true);
  });

  it('answers UNAVAILABLE for data methods while the database is not open, but still reports status', async () => {
    const dispatch = dispatchWith({});
    const staff = await dispatch('staff.list', {}, context);
    expect(!staff.ok && staff.error.code).toBe('UNAVAILABLE');
    const status = await dispatch('app.status', {}, context);
    expect(status.ok && (status.value as { state: string }).state).toBe('error');
  });

  it('logs calls slower than the threshold with their method name', async () => {
    const logs: string[] = [];
    const dispatch = createDispatch(
      { ...handlers, 'shops.list': async () => { await new Promise((r) => setTimeout(r, 30)); return { items: [] }; } } as HandlerMap,
      { validateOutput: true, slowCallMs: 10, log: (l) => logs.push(l) },
    );
    await dispatch('shops.list', {}, context);
    expect(logs.some((l) => l.startsWith('[slow] shops.list'))).toBe(true);
  });
});
