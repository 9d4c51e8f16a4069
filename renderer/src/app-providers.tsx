import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context';
import type { ApiClient } from './api/client';
import { theme } from './theme';
import { maxToasts } from './notifications/toast-stack';
import toastClasses from './notifications/toasts.module.css';

interface AppProvidersProps {
  /** The api client (IPC/HTTP in the app, in-memory in tests). */
  client: ApiClient;
  /** The i18next instance; tests create their own. */
  i18n: I18n;
  children: ReactNode;
}

/** Everything a screen needs around it; shared by the app and component tests. */
export function AppProviders({ client, i18n, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        {/* Below the header, never over its controls (language, sign-in, the bells); the toast stack keeps at most three. */}
        <Notifications position="top-right" limit={maxToasts} className={toastClasses.root} />
        <ApiProvider client={client}>{children}</ApiProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
