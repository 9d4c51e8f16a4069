import { useMantineColorScheme } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultTimeZone,
  languages,
  type ColorSchemePreference,
  type Language,
} from '../../../shared/domain/preferences';
import { useApi } from '../api/api-context';
import type { Preferences } from '../../../shared/contract';
import { useRunAction } from '../errors/use-run-action';

/** Remembered only to pick the first frame's language; the backend's value wins once loaded. */
const languageHintKey = 'reviewdesk.language';

export function readLanguageHint(): Language | undefined {
  try {
    const hint = localStorage.getItem(languageHintKey);
    return (languages as readonly string[]).includes(hint ?? '') ? (hint as Language) : undefined;
  } catch {
    return undefined;
  }
}

interface PreferencesValue {
  language: Language;
  colorScheme: ColorSchemePreference;
  timeZone: string;
  setLanguage: (language: Language) => void;
  setColorScheme: (scheme: ColorSchemePreference) => void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

interface PreferencesProviderProps {
  /** Load and save through the backend; false while the database is unavailable (changes stay local). */
  persist: boolean;
  children: ReactNode;
}

/**
 * Owns language, color scheme and time zone. Changes apply at once and are then saved through
 * settings.updatePreferences, so they survive a restart.
 */
export function PreferencesProvider({ persist, children }: PreferencesProviderProps) {
  const api = useApi();
  const run = useRunAction();
  const { i18n } = useTranslation();
  const { colorScheme, setColorScheme: setMantineScheme } = useMantineColorScheme();
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const language = (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';

  const apply = useCallback(
    (prefs: Partial<Preferences>) => {
      if (prefs.language && prefs.language !== i18n.language) void i18n.changeLanguage(prefs.language);
      if (prefs.colorScheme) setMantineScheme(prefs.colorScheme);
      if (prefs.timeZone) setTimeZone(prefs.timeZone);
    },
    [i18n, setMantineScheme],
  );

  useEffect(() => {
    const syncDocument = (lng: string) => {
      document.documentElement.lang = lng;
      try {
        localStorage.setItem(languageHintKey, lng);
      } catch {
        // Storage can be disabled; the hint is only cosmetic.
      }
    };
    syncDocument(i18n.language);
    i18n.on('languageChanged', syncDocument);
    return () => i18n.off('languageChanged', syncDocument);
  }, [i18n]);

  useEffect(() => {
    if (!persist) return;
    const load = () => void api.call('settings.getPreferences', {}).then(apply, () => undefined);
    load();
    // Another window may change preferences; follow it.
    return api.subscribe('data.changed', ({ domain }) => {
      if (domain === 'settings') load();
    });
  }, [api, apply, persist]);

  const save = useCallback(
    (changes: Partial<Preferences>) => {
      apply(changes);
      if (persist) void run(() => api.call('settings.updatePreferences', changes));
    },
    [api, apply, persist, run],
  );

  const value = useMemo<PreferencesValue>(
    () => ({
      language,
      colorScheme,
      timeZone,
      setLanguage: (next) => save({ language: next }),
      setColorScheme: (next) => save({ colorScheme: next }),
    }),
    [language, colorScheme, timeZone, save],
  );

  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences() needs a <PreferencesProvider> above it');
  return value;
}
