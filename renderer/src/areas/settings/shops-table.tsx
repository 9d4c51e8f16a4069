import { Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../../shared/contract';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { PlatformBadge } from './platform-badge';

interface ShopsTableProps {
  /** Shops to list, in the order the server returned them. */
  shops: Shop[];
  /** Opens the rename dialog for one shop. */
  onRename: (shop: Shop) => void;
  /** Asks to remove one shop. */
  onRemove: (shop: Shop) => void;
}

export function ShopsTable({ shops, onRename, onRemove }: ShopsTableProps) {
  const { t } = useTranslation('settings');
  const { timeZone, language } = usePreferences();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="shops-table" highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shops.colPlatform')}</Table.Th>
            <Table.Th>{t('shops.colName')}</Table.Th>
            <Table.Th>{t('shops.colCreated')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('shops.colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shops.map((shop) => (
            <Table.Tr key={shop.id} data-testid={`shop-row-${shop.id}`}>
              <Table.Td>
                <PlatformBadge platform={shop.platform} />
              </Table.Td>
              <Table.Td>
                <Text fw={500} size="sm">
                  {shop.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(shop.createdAt, timeZone, language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => onRename(shop)}
                    aria-label={t('shops.renameAria', { name: shop.name })}
                  >
                    {t('shops.rename')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => onRemove(shop)}
                    aria-label={t('shops.removeAria', { name: shop.name })}
                  >
                    {t('shops.remove')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
