import { Button, Group, Paper, SegmentedControl, Skeleton, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLayoutGrid, IconList, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../shared/contract';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { AddResultsList } from '../../components/evidence/add-results-list';
import { EvidenceDropZone } from '../../components/evidence/evidence-drop-zone';
import { EvidenceFilters, noFilters, type EvidenceFilterValues } from './evidence-filters';
import { isFlagged } from '../../components/evidence/evidence-format';
import { EvidenceGallery } from '../../components/evidence/evidence-gallery';
import { EvidenceTable } from './evidence-table';
import { EvidenceTrash } from './evidence-trash';
import { EvidenceViewer } from '../../components/evidence/evidence-viewer';
import { ManifestMenu } from '../../components/evidence/manifest-menu';
import { useEvidenceAdder } from '../../components/evidence/use-evidence-adder';
import { VerifyButton } from './verify-button';

type View = 'gallery' | 'list';

function listInput(filters: EvidenceFilterValues): MethodInput<'evidence.list'> {
  const text = filters.text.trim();
  const tag = filters.tag.trim();
  const caseId = filters.caseId.trim();
  return {
    limit: 1000,
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.media && { media: filters.media }),
    ...(tag && { tag: tag.slice(0, 40) }),
    ...(text && { text: text.slice(0, 100) }),
    ...(caseId && { linkedTo: { targetType: 'case' as const, targetId: caseId.slice(0, 100) } }),
  };
}

/** 证据库: everything in the vault, a way to add more, the trash, and the integrity check. */
export function EvidenceScreen() {
  const { t } = useTranslation('evidence');
  const [tab, setTab] = useState<string | null>('all');
  const [view, setView] = useState<View>('gallery');
  const [filters, setFilters] = useState<EvidenceFilterValues>(noFilters);
  const [debounced] = useDebouncedValue(filters, 250);
  const [openId, setOpenId] = useState<number | null>(null);
  const adder = useEvidenceAdder();
  const list = useApiQuery('evidence.list', listInput(debounced), ['evidence']);
  const all = list.data?.items ?? [];
  const items = debounced.flagged ? all.filter(isFlagged) : all;
  const filtering = JSON.stringify(debounced) !== JSON.stringify(noFilters);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Group gap="xs">
            {debounced.caseId.trim() ? <ManifestMenu caseId={debounced.caseId.trim()} /> : null}
            <VerifyButton />
          </Group>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="all" leftSection={<IconShieldCheck size={16} />}>
            {t('tabs.all')}
          </Tabs.Tab>
          <Tabs.Tab value="trash" leftSection={<IconTrash size={16} />}>
            {t('tabs.trash')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="all">
          <Stack gap="md">
            <EvidenceDropZone onFiles={(files, options) => void adder.addFiles(files, options)} compact={all.length > 0 || filtering} />
            <AddResultsList rows={adder.rows} onOpen={setOpenId} onClear={adder.clear} />
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <EvidenceFilters value={filters} onChange={setFilters} />
              <SegmentedControl
                value={view}
                onChange={(value) => setView(value as View)}
                aria-label={t('view.label')}
                data={[
                  {
                    value: 'gallery',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconLayoutGrid size={16} aria-hidden />
                        <span>{t('view.gallery')}</span>
                      </Group>
                    ),
                  },
                  {
                    value: 'list',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconList size={16} aria-hidden />
                        <span>{t('view.list')}</span>
                      </Group>
                    ),
                  },
                ]}
              />
            </Group>
            {list.error && !list.data ? (
              <QueryError error={list.error} onRetry={list.reload} />
            ) : list.loading ? (
              <Skeleton height={200} radius="lg" />
            ) : items.length === 0 ? (
              filtering ? (
                <Paper withBorder radius="lg" p="xl">
                  <Stack align="center" gap="xs">
                    <Text fw={600}>{t('noMatchTitle')}</Text>
                    <Button variant="light" size="xs" onClick={() => setFilters(noFilters)}>
                      {t('filters.clear')}
                    </Button>
                  </Stack>
                </Paper>
              ) : (
                <EmptyStatePanel
                  compact
                  icon={<IconShieldCheck size={32} stroke={1.5} />}
                  title={t('emptyTitle')}
                  description={t('emptyDescription')}
                />
              )
            ) : (
              <>
                <VisuallyHidden aria-live="polite">{t('count', { count: items.length })}</VisuallyHidden>
                <Text size="sm" c="dimmed">
                  {t('count', { count: items.length })}
                </Text>
                {view === 'gallery' ? (
                  <EvidenceGallery items={items} onOpen={(item) => setOpenId(item.id)} />
                ) : (
                  <Paper withBorder radius="lg" p="xs">
                    <EvidenceTable items={items} onOpen={(item) => setOpenId(item.id)} />
                  </Paper>
                )}
              </>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="trash">
          <EvidenceTrash onOpen={(item) => setOpenId(item.id)} />
        </Tabs.Panel>
      </Tabs>
      <EvidenceViewer evidenceId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
