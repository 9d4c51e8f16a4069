import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { colorSchemes, languages, type ColorSchemePreference, type Language } from '../../../../shared/domain/preferences';
import { SectionCard } from '../../components/section-card';
import { usePreferences } from '../../preferences/preferences-context';
import { colorSchemeKey, languageKey } from '../../i18n/domain/keys';

/** 偏好: the same settings as the header switches, for people who look for them here. */
export function PreferencesSection() {
  const { t } = useTranslation(['settings', 'domain']);
  const { language, colorScheme, setLanguage, setColorScheme } = usePreferences();
  return (
    <SectionCard title={t('preferences.title')} description={t('preferences.description')}>
      <Group gap="md" align="flex-start">
        <NativeSelect
          label={t('preferences.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          data={languages.map((value) => ({ value, label: t(languageKey[value]) }))}
          miw={180}
        />
        <NativeSelect
          label={t('preferences.colorScheme')}
          value={colorScheme}
          onChange={(event) => setColorScheme(event.currentTarget.value as ColorSchemePreference)}
          data={colorSchemes.map((value) => ({ value, label: t(colorSchemeKey[value]) }))}
          miw={180}
        />
      </Group>
    </SectionCard>
  );
}
