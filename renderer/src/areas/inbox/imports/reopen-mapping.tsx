import { ActionIcon, Button, Loader, Popover, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun, MappingPreset, MethodOutput } from '../../../../../shared/contract';
import { reviewFields } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../errors/error-messages';
import { fieldKey } from '../i18n/keys';

type UsedMapping = MethodOutput<'imports.getMapping'>;

interface ReopenMappingProps {
  run: ImportRun;
  /** Start the import dialog for a new file with this run's shop and mapping preselected. */
  onReuse: (reuse: { shopId: number; preset: MappingPreset }) => void;
}

/**
 * 列映射 of one import: which column of that file filled each field (read-only), and "import a
 * new file with this mapping", which opens the import dialog with it preselected.
 */
export function ReopenMapping({ run, onReuse }: ReopenMappingProps) {
  const { t, i18n } = useTranslation('inbox');
  const api = useApi();
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState<UsedMapping | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setOpened((was) => !was);
    if (used) return;
    try {
      setUsed(await api.call('imports.getMapping', { importId: run.id }));
      setError(null);
    } catch (cause) {
      setError(errorMessage(cause, i18n));
    }
  }

  const fields = used ? reviewFields.filter((field) => used.headers[field] !== undefined) : [];
  return (
    <Popover opened={opened} onChange={setOpened} position="left" withArrow shadow="md" width={340} trapFocus>
      <Popover.Target>
        <Tooltip label={t('history.mapping')} disabled={opened}>
          <ActionIcon variant="subtle" aria-label={t('history.mappingLabel', { file: run.fileName })} onClick={() => void open()} aria-expanded={opened}>
            <IconColumns size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="import-mapping">
        <Stack gap="xs">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t('history.mappingTitle', { file: run.fileName })}
          </Text>
          {error ? (
            <Text size="sm" c="red">
              {error}
            </Text>
          ) : !used ? (
            <Loader size="sm" />
          ) : !used.preset ? (
            <Text size="sm" c="dimmed">
              {t('history.mappingUnavailable')}
            </Text>
          ) : (
            <>
              <Table verticalSpacing={4} fz="sm">
                <Table.Tbody>
                  {fields.map((field) => (
                    <Table.Tr key={field}>
                      <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t(fieldKey[field])}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{used.headers[field]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button
                size="xs"
                onClick={() => {
                  setOpened(false);
                  onReuse({ shopId: used.shopId, preset: { ...used.preset!, name: t('history.presetFromImport', { file: run.fileName }) } });
                }}
                data-testid="reuse-mapping"
              >
                {t('history.reuse')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('history.reuseHint')}
              </Text>
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
