import { Center } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { colorSchemes, type ColorSchemePreference } from '../../../shared/domain/preferences';
import { SegmentedChoice } from '../components/segmented-choice';
import { colorSchemeKey } from '../i18n/domain/keys';
import { usePreferences } from './preferences-context';

const icons = { light: IconSun, dark: IconMoon, auto: IconDeviceDesktop } as const;

/** Light / dark / follow-system toggle for the header, icon plus text for each option. */
export function ColorSchemeSwitch() {
  const { t } = useTranslation(['common', 'domain']);
  const { colorScheme, setColorScheme } = usePreferences();
  return (
    <SegmentedChoice<ColorSchemePreference>
      data-testid="color-scheme-switch"
      aria-label={t('header.colorScheme')}
      size="xs"
      value={colorScheme}
      onChange={setColorScheme}
      data={colorSchemes.map((value) => {
        const Icon = icons[value];
        return {
          value,
          label: (
            <Center style={{ gap: 6 }}>
              <Icon size={14} aria-hidden />
              <span>{t(colorSchemeKey[value])}</span>
            </Center>
          ),
        };
      })}
    />
  );
}
