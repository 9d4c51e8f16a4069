import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { formatBytes, formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { EvidenceFlagBadge } from '../../components/evidence/evidence-flag-badge';
import { mediaColors, mediaIcons } from '../../components/evidence/evidence-media-icon';
import { EvidenceName } from '../../components/evidence/evidence-name';
import { kindKey, targetKey } from '../../components/evidence/i18n/keys';

interface EvidenceTableProps {
  items: readonly EvidenceItem[];
  onOpen: (item: EvidenceItem) => void;
  /** Extra cell at the end of each row (e.g. Restore in the trash). */
  action?: (item: EvidenceItem) => ReactNode;
  /** Show when each item went to the trash instead of when it was added. @default false */
  trashed?: boolean;
}

/** The list view: one row per item, names as given. */
export function EvidenceTable({ items, onOpen, action, trashed = false }: EvidenceTableProps) {
  const { t } = useTranslation(['evidence', 'common']);
  const { timeZone, language } = usePreferences();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover data-testid={trashed ? 'evidence-trash-table' : 'evidence-table'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.name')}</Table.Th>
            <Table.Th>{t('columns.kind')}</Table.Th>
            <Table.Th>{t('columns.type')}</Table.Th>
            <Table.Th>{t('columns.size')}</Table.Th>
            <Table.Th>{trashed ? t('columns.trashedAt') : t('columns.addedAt')}</Table.Th>
            <Table.Th>{t('columns.links')}</Table.Th>
            {action ? <Table.Th aria-label={t('columns.actions')} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const Icon = mediaIcons[item.media];
            return (
              <Table.Tr key={item.id} data-testid="evidence-row">
                <Table.Td maw={360}>
                  <Group gap={8} wrap="nowrap">
                    <Icon size={18} color={`var(--mantine-color-${mediaColors[item.media]}-6)`} aria-hidden style={{ flexShrink: 0 }} />
                    <Anchor component="button" type="button" onClick={() => onOpen(item)} style={{ minWidth: 0, textAlign: 'start' }}>
                      <EvidenceName name={item.originalName} size="sm" />
                    </Anchor>
                    <EvidenceFlagBadge item={item} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" size="sm">
                    {t(kindKey[item.kind])}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.detectedType.toUpperCase()}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatBytes(item.size)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(trashed && item.trashedAt !== null ? item.trashedAt : item.addedAt, timeZone, language)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.links.length ? undefined : 'dimmed'}>
                    {item.links.length
                      ? item.links.map((link) => t(targetKey[link.targetType], { id: link.targetId })).join('、')
                      : t('common:none')}
                  </Text>
                </Table.Td>
                {action ? <Table.Td>{action(item)}</Table.Td> : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
