import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { createApiClient, createDefaultTransport } from './api/client';
import { AppProviders } from './app-providers';
import { AppRoutes } from './app-routes';
import { createI18n } from './i18n';
import { readLanguageHint } from './preferences/preferences-context';
import { StartupGate } from './startup/startup-gate';

const client = createApiClient(createDefaultTransport());
const i18n = createI18n(readLanguageHint());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client} i18n={i18n}>
      <StartupGate>
        {/* Hash routing: the app is served from app:// and from a plain HTTP file server alike. */}
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </StartupGate>
    </AppProviders>
  </StrictMode>,
);
