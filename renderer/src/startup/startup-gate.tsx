import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { PreferencesProvider } from '../preferences/preferences-context';
import { ConnectionErrorScreen } from './connection-error-screen';
import { StartupErrorScreen } from './startup-error-screen';
import { StatusContext } from './status-context';

/**
 * How long a ready app waits for its first screen's early answers before it renders anyway: the
 * rows usually arrive with app.status, and drawing them in the first render saves a second one.
 */
const firstAnswersWaitMs = 500;

type Startup =
  | { kind: 'loading' }
  | { kind: 'answered'; status: AppStatus }
  | { kind: 'unreachable'; error: unknown };

interface StartupGateProps {
  /** The app, rendered only once the database is open. */
  children: ReactNode;
  /**
   * The first screen's code, loading meanwhile: the app renders once it is there too, so that
   * screen shows at once rather than behind a loading state of its own.
   */
  firstScreen?: Promise<unknown>;
  /** The first screen's early calls (see callFirstScreenEarly), settling; never rejects. */
  firstAnswers?: Promise<unknown>;
  /** app.status, asked before the first render so the backend answers while React sets up; Retry asks again. */
  initialStatus?: Promise<AppStatus>;
}

/**
 * Asks app.status once and decides what the window shows: the app, the startup-error screen, or
 * a connection error with Retry. Never retries on its own, so a broken backend cannot cause a loop.
 */
export function StartupGate({ children, firstScreen, firstAnswers, initialStatus }: StartupGateProps) {
  const api = useApi();
  const [startup, setStartup] = useState<Startup>({ kind: 'loading' });
  const [retrying, setRetrying] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    (attempt === 0 && initialStatus ? initialStatus : api.call('app.status', {})).then(
      async (status) => {
        // A chunk that fails to load is the lazy route's to report, not a reason to wait.
        if (status.state === 'ready') await Promise.all([firstScreen?.catch(() => undefined), attempt === 0 && firstAnswers && waitAtMost(firstAnswers, firstAnswersWaitMs)]);
        if (!current) return;
        setStartup({ kind: 'answered', status });
        setRetrying(false);
      },
      (error: unknown) => {
        if (!current) return;
        setStartup({ kind: 'unreachable', error });
        setRetrying(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, attempt, firstScreen, firstAnswers, initialStatus]);

  function retry() {
    setRetrying(true);
    setAttempt((n) => n + 1);
  }

  const ready = startup.kind === 'answered' && startup.status.state === 'ready' ? startup.status : null;

  return (
    <PreferencesProvider persist={ready !== null}>
      {startup.kind === 'loading' ? (
        <StartupLoading />
      ) : startup.kind === 'unreachable' ? (
        <ConnectionErrorScreen error={startup.error} onRetry={retry} retrying={retrying} />
      ) : startup.status.state === 'error' ? (
        <StartupErrorScreen status={startup.status} onRecovered={retry} />
      ) : (
        <StatusContext.Provider value={ready}>{children}</StatusContext.Provider>
      )}
    </PreferencesProvider>
  );
}

function waitAtMost(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function StartupLoading() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed">{t('startup.opening')}</Text>
      </Stack>
    </Center>
  );
}
