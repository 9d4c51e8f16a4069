import { Code, Group, Pagination, Skeleton, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query';
import { QueryError } from '../../../components/query-error';
import { rejectCodeKey } from '../i18n/keys';

const pageRows = 20;

interface RejectsTableProps {
  importId: number;
}

/** The rows an import could not store, a page at a time, with the reason for each. */
export function RejectsTable({ importId }: RejectsTableProps) {
  const { t } = useTranslation('inbox');
  const [page, setPage] = useState(1);
  // A code this build has no words for reads as the backend's own sentence.
  const reason = (code: string, fallback: string) => {
    const key = rejectCodeKey(code);
    return key ? t(key) : fallback;
  };
  const rejects = useApiQuery('imports.rejects', { importId, offset: (page - 1) * pageRows, limit: pageRows }, []);
  if (rejects.error && !rejects.data) return <QueryError error={rejects.error} onRetry={rejects.reload} />;
  if (!rejects.data) return <Skeleton height={120} />;
  const pages = Math.max(1, Math.ceil(rejects.data.total / pageRows));
  return (
    <>
      <Table.ScrollContainer minWidth={560} maxHeight={280}>
        <Table verticalSpacing={4} fz="xs" stickyHeader data-testid="import-rejects">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('import.rowNumber')}</Table.Th>
              <Table.Th w={220}>{t('import.rejectReason')}</Table.Th>
              <Table.Th>{t('import.rejectRaw')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejects.data.items.map((reject) => (
              <Table.Tr key={reject.rowNumber}>
                <Table.Td>{reject.rowNumber}</Table.Td>
                <Table.Td>
                  <Text size="xs">{reason(reject.code, reject.reason)}</Text>
                </Table.Td>
                <Table.Td>
                  <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 60, overflow: 'hidden' }}>
                    {Object.entries(reject.raw)
                      .map(([header, value]) => `${header}: ${value}`)
                      .join(' · ')}
                  </Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination size="sm" total={pages} value={page} onChange={setPage} />
        </Group>
      ) : null}
    </>
  );
}
