import { ActionIcon, Badge, Group, Pagination, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ImportRun, MappingPreset } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useRunAction } from '../../../errors/use-run-action';
import { formatDateTime } from '../../../format/date-time';
import { platformKey } from '../../../i18n/domain/keys';
import { usePreferences } from '../../../preferences/preferences-context';
import { downloadText } from '../import/download';
import { ImportWizard } from '../import/import-wizard';
import { InboxTabs } from '../inbox-tabs';
import { ReopenMapping } from './reopen-mapping';

export const historyPageSize = 50;

const statusColor: Record<ImportRun['status'], string> = { running: 'blue', done: 'teal', cancelled: 'gray', failed: 'red' };

const originKey = {
  manual: 'history.origins.manual',
  'watched-folder': 'history.origins.watched-folder',
  cli: 'history.origins.cli',
  paste: 'history.origins.paste',
} as const satisfies Record<ImportRun['origin'], string>;

const statusKey = {
  running: 'history.statuses.running',
  done: 'history.statuses.done',
  cancelled: 'history.statuses.cancelled',
  failed: 'history.statuses.failed',
} as const satisfies Record<ImportRun['status'], string>;

/**
 * 收件箱 › 导入记录: every import run, newest first, from any origin (the dialog, a paste, the
 * watched folder, the CLI in another process — it reloads on `imports`), with its counts, its
 * report to download and its column mapping (to read, or to import a new file with), a page at
 * a time (`?page=` in the address, so Back returns to it).
 */
export function ImportHistoryScreen() {
  const { t } = useTranslation(['inbox', 'domain']);
  const { timeZone, language } = usePreferences();
  const api = useApi();
  const runAction = useRunAction();
  const [downloading, setDownloading] = useState<number | null>(null);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const runs = useApiQuery('imports.list', { limit: historyPageSize, offset: (page - 1) * historyPageSize }, ['imports', 'demo']);
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  const [reuse, setReuse] = useState<{ shopId: number; preset: MappingPreset } | null>(null);
  const pages = Math.max(1, Math.ceil((runs.data?.total ?? 0) / historyPageSize));
  // A page past the end (a link from when there were more runs) shows the last one instead.
  const pastEnd = runs.data !== undefined && page > pages;
  useEffect(() => {
    if (pastEnd) setParams(pages === 1 ? {} : { page: String(pages) }, { replace: true });
  }, [pastEnd, pages, setParams]);
  const shopNames = new Map((shops.data?.items ?? []).map((shop) => [shop.id, shop.name]));

  async function download(run: ImportRun) {
    setDownloading(run.id);
    const report = await runAction(() => api.call('imports.exportReport', { importId: run.id }));
    setDownloading(null);
    if (report) downloadText(report.fileName, report.csv);
  }

  const items = runs.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('history.subtitle')}
        actions={
          runs.data && runs.data.total > 0 ? (
            <Text size="sm" c="dimmed" data-testid="import-history-total">
              {t('history.total', { count: runs.data.total })}
            </Text>
          ) : null
        }
      />
      <InboxTabs />
      {runs.error && !runs.data ? (
        <QueryError error={runs.error} onRetry={runs.reload} />
      ) : !runs.data ? (
        <Skeleton height={240} radius="lg" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="lg" p="xl" data-testid="import-history-empty">
          <Stack gap={4} align="center">
            <Text fw={600}>{t('history.empty')}</Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('history.emptyHint')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={920} scrollAreaProps={{ type: 'auto' }}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="import-history">
              {/* Headers on one line (a narrow window scrolls the table, with its scroll bar shown). */}
              <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                <Table.Tr>
                  <Table.Th>{t('history.columns.startedAt')}</Table.Th>
                  <Table.Th>{t('history.columns.file')}</Table.Th>
                  <Table.Th>{t('history.columns.shop')}</Table.Th>
                  <Table.Th>{t('history.columns.origin')}</Table.Th>
                  <Table.Th>{t('history.columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('history.columns.read')}</Table.Th>
                  <Table.Th ta="right">{t('history.columns.inserted')}</Table.Th>
                  <Table.Th ta="right">{t('history.columns.duplicates')}</Table.Th>
                  <Table.Th ta="right">{t('history.columns.rejected')}</Table.Th>
                  <Table.Th ta="right">{t('history.columns.casesOpened')}</Table.Th>
                  <Table.Th ta="center" style={{ whiteSpace: 'nowrap' }}>
                    {t('history.columns.report')}
                  </Table.Th>
                  <Table.Th ta="center" style={{ whiteSpace: 'nowrap' }}>
                    {t('history.columns.mapping')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((run) => (
                  <Table.Tr key={run.id} data-testid="import-history-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.startedAt, timeZone, language)}</Table.Td>
                    <Table.Td maw={280} miw={140}>
                      <Text size="sm" truncate="end" title={run.fileName}>
                        {run.fileName}
                      </Text>
                      {run.message ? (
                        <Text size="xs" c="dimmed" lineClamp={2} title={run.message}>
                          {run.message}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td miw={130}>
                      <Text size="sm">{shopNames.get(run.shopId) ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {t(platformKey[run.platform])}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(originKey[run.origin])}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor[run.status]} style={{ minWidth: 'max-content' }}>
                        {t(statusKey[run.status])}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{run.counts.read}</Table.Td>
                    <Table.Td ta="right">{run.counts.inserted}</Table.Td>
                    <Table.Td ta="right">{run.counts.duplicates}</Table.Td>
                    <Table.Td ta="right">{run.counts.rejected}</Table.Td>
                    <Table.Td ta="right">{run.counts.casesOpened}</Table.Td>
                    <Table.Td ta="center">
                      <Tooltip label={t('history.download')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('history.downloadLabel', { file: run.fileName })}
                          loading={downloading === run.id}
                          onClick={() => void download(run)}
                        >
                          <IconDownload size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td ta="center">
                      <ReopenMapping run={run} onReuse={setReuse} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 ? (
            <Group justify="center" p="sm">
              <Pagination
                size="sm"
                total={pages}
                value={Math.min(page, pages)}
                onChange={(value) => setParams(value === 1 ? {} : { page: String(value) })}
                data-testid="import-history-pages"
              />
            </Group>
          ) : null}
        </Paper>
      )}
      <ImportWizard
        mode={reuse ? 'file' : null}
        reuse={reuse ?? undefined}
        shops={shops.data?.items ?? []}
        shopsLoaded={shops.data !== undefined}
        onClose={() => setReuse(null)}
        onImported={runs.reload}
      />
    </>
  );
}
