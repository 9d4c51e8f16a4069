import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconClipboard, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface EvidenceDropZoneProps {
  /** Called with every file dropped, picked or pasted at once. */
  onFiles: (files: File[], options: { pasted?: boolean }) => void;
  /** A slimmer strip for panels. @default false */
  compact?: boolean;
  /** Listens for Ctrl/Cmd+V on the page while shown. @default true */
  acceptPaste?: boolean;
}

/** Files on the clipboard (a screenshot tool's output), or none. */
function clipboardFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files);
  if (files.length > 0) return files;
  return Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}

/**
 * Where evidence comes in: drop many files at once, pick them, or paste a screenshot anywhere on
 * the page. A paste inside a dialog or a text field is left alone unless it carries files.
 */
export function EvidenceDropZone({ onFiles, compact = false, acceptPaste = true }: EvidenceDropZoneProps) {
  const { t } = useTranslation('evidence');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    if (!acceptPaste) return;
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('[role="dialog"]')) return;
      const files = clipboardFiles(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files, { pasted: true });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [acceptPaste, onFiles]);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files, {});
  }

  return (
    <Paper
      data-testid="evidence-drop-zone"
      radius="md"
      p={compact ? 'sm' : 'xl'}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        border: `2px dashed ${over ? 'var(--mantine-color-indigo-5)' : 'var(--mantine-color-default-border)'}`,
        background: over ? 'var(--mantine-color-indigo-light)' : undefined,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="evidence-file-input"
        aria-label={t('add.pick')}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Clear so picking the same file again still fires a change.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files, {});
        }}
      />
      {compact ? (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size="lg" radius="md">
              <IconUpload size={18} />
            </ThemeIcon>
            <Text size="sm" c="dimmed">
              {t('add.dropHintShort')}
            </Text>
          </Group>
          <Button size="xs" variant="light" leftSection={<IconFileUpload size={16} />} onClick={() => input.current?.click()}>
            {t('add.pick')}
          </Button>
        </Group>
      ) : (
        <Stack align="center" gap="xs">
          <ThemeIcon variant="light" size={56} radius="xl">
            <IconUpload size={28} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>{t('add.dropTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {t('add.dropHint')}
          </Text>
          <Group gap="xs" mt="xs">
            <Button leftSection={<IconFileUpload size={18} />} onClick={() => input.current?.click()}>
              {t('add.pick')}
            </Button>
            <Text size="xs" c="dimmed">
              <IconClipboard size={14} style={{ verticalAlign: -2 }} /> {t('add.pasteHint')}
            </Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
