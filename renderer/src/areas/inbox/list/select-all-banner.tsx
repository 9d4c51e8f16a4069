import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface SelectAllBannerProps {
  /** Loaded rows, all ticked. */
  loaded: number;
  /** Reviews the filter matches. */
  total: number;
  /** Whether "all matching" is on. */
  allMatching: boolean;
  onChange: (allMatching: boolean) => void;
}

/** After ticking every loaded row: offers the whole filter, as a mail client does, and back. */
export function SelectAllBanner({ loaded, total, allMatching, onChange }: SelectAllBannerProps) {
  const { t, i18n } = useTranslation('inbox');
  const count = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Group gap="xs" justify="center" py={4} data-testid="select-all-banner">
      <Text size="sm">{allMatching ? t('bulk.matchingHint', { total: count(total) }) : t('bulk.loadedSelected', { count: loaded })}</Text>
      <Button size="compact-sm" variant="subtle" onClick={() => onChange(!allMatching)} data-testid={allMatching ? 'select-only-loaded' : 'select-all-matching'}>
        {allMatching ? t('bulk.onlyLoaded', { count: loaded }) : t('bulk.selectAllMatching', { total: count(total) })}
      </Button>
    </Group>
  );
}
