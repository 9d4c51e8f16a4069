import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Shop } from '../../../../../shared/contract';
import type { ImportMode } from './import-wizard';
import { platformKey } from '../../../i18n/domain/keys';

/** What the file picker offers; the backend decides by content, not by the name. */
const acceptedTypes = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface SourceStepProps {
  mode: ImportMode;
  shops: Shop[];
  shopsLoaded: boolean;
  /** The chosen shop's id as text ('' before one is chosen). */
  shopId: string;
  onShopChange: (shopId: string) => void;
  /** True while the file is staged and previewed. */
  busy: boolean;
  /** Why the last file could not be read, already in words. */
  error: string | null;
  onFile: (file: File) => void;
  onText: (text: string) => void;
  /** Leaves the dialog, e.g. to add a shop in Settings. */
  onLeave: () => void;
}

/** Step 1: which shop the reviews belong to, and the file (or pasted rows). */
export function SourceStep({ mode, shops, shopsLoaded, shopId, onShopChange, busy, error, onFile, onText, onLeave }: SourceStepProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');
  const noShop = shopId === '';

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !noShop && !busy) onFile(file);
  }

  return (
    <Stack gap="md">
      {shopsLoaded && shops.length === 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('import.noShopsTitle')}>
          {t('import.noShops')}{' '}
          <Anchor component={Link} to="/settings" onClick={onLeave}>
            {t('import.goToSettings')}
          </Anchor>
        </Alert>
      ) : (
        <NativeSelect
          label={t('import.shop')}
          description={t('import.shopHint')}
          value={shopId}
          onChange={(event) => onShopChange(event.currentTarget.value)}
          data={[
            { value: '', label: t('common:chooseShop'), disabled: true },
            ...shops.map((shop) => ({ value: String(shop.id), label: t('common:shopOption', { shop: shop.name, platform: t(platformKey[shop.platform]) }) })),
          ]}
          maw={420}
          data-testid="import-shop"
        />
      )}

      {mode === 'file' ? (
        <Paper
          withBorder
          radius="lg"
          p="xl"
          style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined }}
          bg={dragging ? 'var(--mantine-primary-color-light)' : undefined}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="import-dropzone"
        >
          <Stack align="center" gap="sm">
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconFileSpreadsheet size={30} />
            </ThemeIcon>
            <Text fw={600}>{t('import.dropTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {t('import.dropHint')}
            </Text>
            <input
              ref={inputRef}
              type="file"
              accept={acceptedTypes}
              hidden
              data-testid="import-file-input"
              aria-label={t('import.chooseFile')}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                // Cleared so choosing the same file again (after fixing it) still fires.
                event.currentTarget.value = '';
                if (file) onFile(file);
              }}
            />
            <Button leftSection={<IconUpload size={18} />} onClick={() => inputRef.current?.click()} loading={busy} disabled={noShop}>
              {t('import.chooseFile')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Textarea
            label={t('import.pasteLabel')}
            description={t('import.pasteHint')}
            placeholder={t('import.pastePlaceholder')}
            autosize
            minRows={8}
            maxRows={16}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            data-testid="paste-text"
          />
          <Group justify="flex-end">
            <Button onClick={() => onText(text)} disabled={noShop || text.trim() === ''} loading={busy}>
              {t('import.pasteNext')}
            </Button>
          </Group>
        </Stack>
      )}

      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('import.cannotRead')} data-testid="import-error">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
