// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { takeTokenFromUrl } from '../../api/http-transport';
import { evidenceUrl } from './evidence-url';

const sha = 'ab'.repeat(32);

afterEach(() => {
  delete window.bridge;
  window.sessionStorage.clear();
});

describe('evidenceUrl', () => {
  it('uses the evidence:// protocol inside Electron', () => {
    window.bridge = {
      invoke: async () => ({ ok: true, value: null }),
      on: () => () => undefined,
      pickFiles: async () => ({ cancelled: true, items: [] }),
      vouchFiles: async () => [],
    };
    window.sessionStorage.setItem('reviewdesk.token', 'ignored');
    expect(evidenceUrl(sha)).toBe(`evidence://vault/${sha}`);
  });

  it('uses the guarded HTTP route with the tab token in the browser harness', () => {
    window.history.replaceState(null, '', '/?token=a%2Bb%20c#/evidence');
    expect(takeTokenFromUrl(window)).toBe('a+b c');
    expect(evidenceUrl(sha)).toBe(`/evidence/${sha}?token=a%2Bb%20c`);
    // The token left the address bar but the helper still finds it.
    expect(window.location.search).toBe('');
  });

  it('sends an empty token rather than "null" when there is none (the server answers 401)', () => {
    expect(evidenceUrl(sha)).toBe(`/evidence/${sha}?token=`);
  });
});
