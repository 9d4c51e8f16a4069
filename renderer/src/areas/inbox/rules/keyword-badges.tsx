import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Keywords beyond this many collapse into "+N"; the edit dialog shows them all. */
const shown = 8;

interface KeywordBadgesProps {
  keywords: readonly string[];
}

export function KeywordBadges({ keywords }: KeywordBadgesProps) {
  const { t } = useTranslation('inbox');
  if (keywords.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('rules.noKeywords')}
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {keywords.slice(0, shown).map((keyword) => (
        <Badge key={keyword} variant="outline" color="gray" radius="sm" tt="none">
          {keyword}
        </Badge>
      ))}
      {keywords.length > shown ? (
        <Text size="xs" c="dimmed">
          {t('rules.moreKeywords', { count: keywords.length - shown })}
        </Text>
      ) : null}
    </Group>
  );
}
