import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Envelope, MethodName } from '../../../shared/contract';
import { createApiClient } from '../api/client';
import { createMemoryEvents, createMemoryTransport, type MemoryHandler } from '../api/memory-transport';
import type { Transport } from '../api/transport';
import { AppProviders } from '../app-providers';
import { createI18n } from '../i18n';
import { PreferencesProvider } from '../preferences/preferences-context';
import type { Language } from '../../../shared/domain/preferences';
import './dom-polyfills';

/** Renders one screen with all providers, backed by a fake backend. */
export function renderScreen(screen: ReactNode, handler: MemoryHandler, language: Language = 'zh-CN', transport: Pick<Transport, 'pickFolder'> = {}) {
  const events = createMemoryEvents();
  const client = createApiClient(createMemoryTransport(handler, events, undefined, transport.pickFolder));
  const i18n = createI18n(language);
  const result = render(
    <AppProviders client={client} i18n={i18n}>
      <PreferencesProvider persist={false}>
        <MemoryRouter>{screen}</MemoryRouter>
      </PreferencesProvider>
    </AppProviders>,
  );
  return { ...result, events, i18n };
}

export function ok<T>(value: T): Promise<Envelope<T>> {
  return Promise.resolve({ ok: true, value });
}

/** A fake for methods a test does not care about: it fails loudly instead of hanging. */
export function unexpected(method: MethodName): Promise<Envelope<never>> {
  return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `unexpected call to ${method}` } });
}
