import { Badge, Box, Card, Center, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { formatBytes } from '../../format/date-time';
import { formatDuration } from './evidence-format';
import { EvidenceFlagBadge } from './evidence-flag-badge';
import { mediaColors, mediaIcons } from './evidence-media-icon';
import { EvidenceName } from './evidence-name';
import { evidenceUrl } from './evidence-url';
import { kindKey } from './i18n/keys';

interface EvidenceThumbProps {
  item: EvidenceItem;
  onOpen: (item: EvidenceItem) => void;
  /** Height of the picture area in px. @default 140 */
  height?: number;
}

/** The picture part of a card: the image itself, or the type's icon. */
export function EvidencePreviewTile({ item, height }: { item: EvidenceItem; height: number }) {
  const [broken, setBroken] = useState(false);
  const Icon = mediaIcons[item.media];
  if (item.media === 'image' && item.previewable && !broken) {
    return (
      <Box h={height} style={{ overflow: 'hidden', background: 'var(--mantine-color-default-hover)' }}>
        <img
          src={evidenceUrl(item.sha256)}
          alt={item.originalName}
          loading="lazy"
          draggable={false}
          onError={() => setBroken(true)}
          data-testid="evidence-thumb-image"
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      </Box>
    );
  }
  return (
    <Center h={height} style={{ background: `var(--mantine-color-${mediaColors[item.media]}-light)` }}>
      <Icon size={Math.min(48, height / 2)} stroke={1.4} color={`var(--mantine-color-${mediaColors[item.media]}-light-color)`} aria-hidden />
    </Center>
  );
}

/** One piece of evidence in the gallery: picture or type icon, name as given, kind, flags. */
export function EvidenceThumb({ item, onOpen, height = 140 }: EvidenceThumbProps) {
  const { t } = useTranslation('evidence');
  return (
    <Card withBorder radius="md" p={0} data-testid="evidence-card" data-media={item.media}>
      <UnstyledButton onClick={() => onOpen(item)} aria-label={t('open', { name: item.originalName })} style={{ display: 'block' }}>
        <Box pos="relative">
          <EvidencePreviewTile item={item} height={height} />
          {item.durationMs !== null ? (
            <Badge pos="absolute" bottom={6} right={6} size="sm" variant="filled" color="dark">
              {formatDuration(item.durationMs)}
            </Badge>
          ) : null}
        </Box>
        <Stack gap={4} p="xs">
          <EvidenceName name={item.originalName} size="sm" fw={500} />
          <Group gap={4} wrap="wrap">
            <Badge size="xs" variant="light" color="gray">
              {t(kindKey[item.kind])}
            </Badge>
            <Text size="xs" c="dimmed">
              {item.detectedType.toUpperCase()} · {formatBytes(item.size)}
            </Text>
          </Group>
          <Group gap={4} mih={0}>
            <EvidenceFlagBadge item={item} />
          </Group>
        </Stack>
      </UnstyledButton>
    </Card>
  );
}
