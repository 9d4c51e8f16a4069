import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/domain/preferences';
import { SegmentedChoice } from '../components/segmented-choice';
import { languageKey } from '../i18n/domain/keys';
import { usePreferences } from './preferences-context';

/** 中文 / English toggle for the header. Each option is a radio named after its language. */
export function LanguageSwitch() {
  const { t } = useTranslation(['common', 'domain']);
  const { language, setLanguage } = usePreferences();
  return (
    <SegmentedChoice<Language>
      data-testid="language-switch"
      aria-label={t('header.language')}
      size="xs"
      value={language}
      onChange={setLanguage}
      data={languages.map((value) => ({ value, label: t(languageKey[value]) }))}
    />
  );
}
