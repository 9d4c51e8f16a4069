import { ActionIcon, Alert, Box, Button, Center, Group, Loader, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconMaximize, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useEffect, useState, type WheelEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { formatBytes } from '../../format/date-time';
import { flagReasons } from './evidence-format';
import { mediaColors, mediaIcons } from './evidence-media-icon';
import { evidenceUrl } from './evidence-url';

const AudioIcon = mediaIcons.audio;

/** How much of a text export is shown; the rest stays in the vault untouched. */
const textPreviewBytes = 1024 * 1024;
const zoomSteps = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

function ImagePreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation('evidence');
  // null = fit the frame; otherwise a scale of the natural size.
  const [scale, setScale] = useState<number | null>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  // The scale "fit" ends up at, so the level always reads as a percentage.
  const [fitScale, setFitScale] = useState(1);
  const step = (direction: 1 | -1) =>
    setScale((current) => {
      const now = current ?? fitScale;
      const next = direction > 0 ? zoomSteps.find((s) => s > now + 1e-6) : [...zoomSteps].reverse().find((s) => s < now - 1e-6);
      return next ?? now;
    });
  function onWheel(event: WheelEvent<HTMLDivElement>) {
    if (event.deltaY === 0) return;
    event.preventDefault();
    step(event.deltaY < 0 ? 1 : -1);
  }
  return (
    <Stack gap="xs" h="100%">
      <Group gap={4} justify="center">
        <Tooltip label={t('viewer.zoomOut')}>
          <ActionIcon variant="default" onClick={() => step(-1)} aria-label={t('viewer.zoomOut')}>
            <IconZoomOut size={16} />
          </ActionIcon>
        </Tooltip>
        <Text size="xs" w={56} ta="center" data-testid="evidence-zoom-level">
          {`${Math.round((scale ?? fitScale) * 100)}%`}
        </Text>
        <Tooltip label={t('viewer.zoomIn')}>
          <ActionIcon variant="default" onClick={() => step(1)} aria-label={t('viewer.zoomIn')}>
            <IconZoomIn size={16} />
          </ActionIcon>
        </Tooltip>
        <Button size="compact-xs" variant={scale === null ? 'light' : 'default'} leftSection={<IconMaximize size={14} />} onClick={() => setScale(null)}>
          {t('viewer.fit')}
        </Button>
        <Button size="compact-xs" variant={scale === 1 ? 'light' : 'default'} onClick={() => setScale(1)}>
          100%
        </Button>
      </Group>
      <Box
        onWheel={onWheel}
        style={{ flex: 1, overflow: 'auto', minHeight: 0, background: 'var(--mantine-color-default-hover)', borderRadius: 8 }}
        data-testid="evidence-image-frame"
      >
        <Center mih="100%" p="xs">
          <img
            src={evidenceUrl(item.sha256)}
            alt={item.originalName}
            draggable={false}
            onLoad={(event) => {
              const image = event.currentTarget;
              setNatural({ width: image.naturalWidth, height: image.naturalHeight });
              if (image.naturalWidth > 0) setFitScale(image.clientWidth / image.naturalWidth);
            }}
            style={
              scale === null
                ? { maxWidth: '100%', maxHeight: '62vh', objectFit: 'contain', display: 'block' }
                : { width: (natural?.width ?? item.width ?? 0) * scale || undefined, maxWidth: 'none', display: 'block' }
            }
          />
        </Center>
      </Box>
    </Stack>
  );
}

/** Text and HTML chat exports as plain text: evidence HTML is never rendered. */
function TextPreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation('evidence');
  const [state, setState] = useState<{ text: string; cut: boolean } | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let current = true;
    const charset = /charset=([\w-]+)/i.exec(item.mime)?.[1] ?? 'utf-8';
    fetch(evidenceUrl(item.sha256), { headers: { range: `bytes=0-${textPreviewBytes - 1}` } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const bytes = await response.arrayBuffer();
        let decoder: TextDecoder;
        try {
          decoder = new TextDecoder(charset);
        } catch {
          decoder = new TextDecoder('utf-8');
        }
        if (current) setState({ text: decoder.decode(bytes), cut: item.size > textPreviewBytes });
      })
      .catch(() => current && setState('failed'));
    return () => {
      current = false;
    };
  }, [item.sha256, item.mime, item.size]);
  if (state === 'loading') return <Loader size="sm" />;
  if (state === 'failed') return <Alert color="red">{t('viewer.loadFailed')}</Alert>;
  return (
    <Stack gap="xs" h="100%">
      {item.media === 'text' && item.detectedType === 'html' ? (
        <Text size="xs" c="dimmed">
          {t('viewer.htmlAsText')}
        </Text>
      ) : null}
      <ScrollArea style={{ flex: 1 }} h="62vh" type="auto">
        <Box
          component="pre"
          data-testid="evidence-text"
          m={0}
          p="sm"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 13, background: 'var(--mantine-color-default-hover)', borderRadius: 8 }}
        >
          {state.text}
        </Box>
      </ScrollArea>
      {state.cut ? (
        <Text size="xs" c="dimmed">
          {t('viewer.textCut', { shown: formatBytes(textPreviewBytes), total: formatBytes(item.size) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The right viewer for the item's content: image with zoom, player, PDF frame, plain text, or why it cannot be shown. */
export function EvidencePreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation('evidence');
  const url = evidenceUrl(item.sha256);
  if (item.trashedAt !== null) {
    return (
      <Center h="100%">
        <Text c="dimmed">{t('viewer.trashedNoPreview')}</Text>
      </Center>
    );
  }
  if (!item.previewable) {
    const Icon = mediaIcons[item.media];
    return (
      <Center h="100%">
        <Stack align="center" gap="sm" maw={420}>
          <Icon size={56} stroke={1.2} color={`var(--mantine-color-${mediaColors[item.media]}-6)`} aria-hidden />
          <Text fw={600}>{t('viewer.noPreview')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {flagReasons(item, t).join(' ')}
          </Text>
        </Stack>
      </Center>
    );
  }
  switch (item.media) {
    case 'image':
      return <ImagePreview item={item} />;
    case 'audio':
      return (
        <Center h="100%">
          <Stack w="100%" maw={560} align="center" gap="md">
            <AudioIcon size={64} stroke={1.2} color="var(--mantine-color-grape-6)" aria-hidden />
            <audio controls preload="metadata" src={url} style={{ width: '100%' }} data-testid="evidence-audio" aria-label={item.originalName} />
          </Stack>
        </Center>
      );
    case 'video':
      return (
        <Center h="100%">
          <video controls preload="metadata" src={url} style={{ maxWidth: '100%', maxHeight: '62vh' }} data-testid="evidence-video" aria-label={item.originalName} />
        </Center>
      );
    case 'pdf':
      return <PdfPreview url={url} title={item.originalName} />;
    case 'text':
      return <TextPreview item={item} />;
    default:
      return (
        <Center h="100%">
          <Text c="dimmed">{t('viewer.noPreview')}</Text>
        </Center>
      );
  }
}

/** Chromium's own PDF viewer; `data-loaded` says when the document has arrived. */
function PdfPreview({ url, title }: { url: string; title: string }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <iframe
      src={url}
      title={title}
      data-testid="evidence-pdf"
      data-loaded={loaded}
      onLoad={() => setLoaded(true)}
      style={{ width: '100%', height: '66vh', border: 0, borderRadius: 8 }}
    />
  );
}
