import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { createApiClient, createDefaultTransport } from './api/client';
import { withEarlyCalls } from './api/early-calls';
import { AppProviders } from './app-providers';
import { AppRoutes } from './app-routes';
import { formatDateTime } from './format/date-time';
import { createI18n } from './i18n';
import { defaultTimeZone, languages, type Language } from '../../shared/domain/preferences';
import { readLanguageHint } from './preferences/preferences-context';
import { callFirstScreenEarly, preloadScreenFor } from './shell/area-screens';
import { StartupGate } from './startup/startup-gate';

// The window opens on "/", which the index route redirects to the inbox after the first render,
// as a transition that every early answer of the shell's queries interrupts: start on the
// inbox route instead. Then the first screen's chunk downloads while app.status is answered.
if (window.location.hash === '' || window.location.hash === '#/') {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#/inbox`);
}
const firstPath = window.location.hash.replace(/^#/, '');
const firstScreen = preloadScreenFor(firstPath);

const client = withEarlyCalls(createApiClient(createDefaultTransport()));
const initialStatus = client.call('app.status', {});
// Handled by StartupGate once it mounts; until then a refusal is not an unhandled rejection.
initialStatus.catch(() => undefined);
// Reads only, asked right behind app.status: while the database is not open they are refused,
// and then no screen takes them over.
const firstAnswers = callFirstScreenEarly(client, firstPath);
const i18n = createI18n(readLanguageHint());

// The window waits for the backend now. Meanwhile the rows' date formats are built (ICU's zone and
// locale data: tens of ms), which the first rows' render would otherwise do; the zone and language
// are the ones that render uses before preferences load.
const firstLanguage: Language = (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 0));
whenIdle(() => {
  formatDateTime(0, defaultTimeZone, firstLanguage);
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client} i18n={i18n}>
      <StartupGate firstScreen={firstScreen} firstAnswers={firstAnswers} initialStatus={initialStatus}>
        {/* Hash routing: the app is served from app:// and from a plain HTTP file server alike. */}
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </StartupGate>
    </AppProviders>
  </StrictMode>,
);
