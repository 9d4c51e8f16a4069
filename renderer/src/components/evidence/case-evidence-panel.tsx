import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api-query';
import { QueryError } from '../query-error';
import { AddResultsList } from './add-results-list';
import { EvidenceDropZone } from './evidence-drop-zone';
import { EvidenceGallery } from './evidence-gallery';
import { EvidenceViewer } from './evidence-viewer';
import { ManifestMenu } from './manifest-menu';
import { useEvidenceAdder } from './use-evidence-adder';

interface CaseEvidencePanelProps {
  /** The case whose evidence is shown; whatever is added here is linked to it. */
  caseId: string;
  /** Listen for Ctrl/Cmd+V on the page while shown. @default true */
  acceptPaste?: boolean;
}

/**
 * The evidence of one case: thumbnails of everything linked to it, and a drop zone, picker and
 * paste that add files to the vault and link them to the case. Embeddable in any case view.
 */
export function CaseEvidencePanel({ caseId, acceptPaste = true }: CaseEvidencePanelProps) {
  const { t } = useTranslation('evidence');
  const link = { targetType: 'case' as const, targetId: caseId };
  const adder = useEvidenceAdder(link);
  const list = useApiQuery('evidence.list', { linkedTo: link, limit: 1000 }, ['evidence']);
  const [openId, setOpenId] = useState<number | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label={t('casePanel.title', { id: caseId })} data-testid="case-evidence-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h5">
            {t('casePanel.title', { id: caseId })}
            <Text span c="dimmed" size="sm" fw={400} ml={8}>
              {t('count', { count: items.length })}
            </Text>
          </Title>
          {items.length > 0 ? <ManifestMenu caseId={caseId} /> : null}
        </Group>
        <EvidenceDropZone compact onFiles={(files, options) => void adder.addFiles(files, options)} acceptPaste={acceptPaste} />
        <AddResultsList rows={adder.rows} onOpen={setOpenId} onClear={adder.clear} />
        {list.error && !list.data ? (
          <QueryError error={list.error} onRetry={list.reload} />
        ) : list.loading ? (
          <Skeleton height={120} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('casePanel.empty')}
          </Text>
        ) : (
          <EvidenceGallery items={items} onOpen={(item) => setOpenId(item.id)} dense />
        )}
      </Stack>
      <EvidenceViewer evidenceId={openId} onClose={() => setOpenId(null)} />
    </Paper>
  );
}
