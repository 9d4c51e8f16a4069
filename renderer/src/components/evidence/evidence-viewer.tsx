import { Badge, Button, Grid, Group, Loader, Modal, ScrollArea, Tabs, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../notify';
import { QueryError } from '../query-error';
import { useRunAction } from '../../errors/use-run-action';
import { EvidenceCustody } from './evidence-custody';
import { EvidenceDetails } from './evidence-details';
import { EvidenceName } from './evidence-name';
import { EvidencePreview } from './evidence-preview';

interface EvidenceViewerProps {
  /** The evidence to show, or null when closed. */
  evidenceId: number | null;
  onClose: () => void;
}

/** The open viewer: one query feeds the title and the body. */
function OpenViewer({ evidenceId, onClose }: { evidenceId: number; onClose: () => void }) {
  const { t } = useTranslation(['evidence', 'common']);
  const api = useApi();
  const run = useRunAction();
  const query = useApiQuery('evidence.get', { id: evidenceId }, ['evidence']);
  const [tab, setTab] = useState<string | null>('details');
  const item = query.data;

  async function trash() {
    if (!item) return;
    const done = await run(() => api.call('evidence.trash', { id: item.id }));
    if (!done) return;
    notifySuccess(t('trash.moved', { name: item.originalName }));
    onClose();
  }
  async function restore() {
    if (!item) return;
    const done = await run(() => api.call('evidence.restore', { id: item.id }));
    if (done) {
      notifySuccess(t('trash.restored', { name: item.originalName }));
      query.reload();
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="min(1280px, 94vw)"
      radius="lg"
      title={
        <Group gap="xs" wrap="nowrap" maw="70vw">
          {item?.trashedAt != null ? (
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {t('trash.inTrash')}
            </Badge>
          ) : null}
          {item ? <EvidenceName name={item.originalName} fw={600} /> : <Text fw={600}>{t('viewer.title')}</Text>}
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      {query.error && !item ? (
        <QueryError error={query.error} onRetry={query.reload} />
      ) : !item ? (
        <Loader />
      ) : (
        <Grid gap="lg" data-testid="evidence-viewer">
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }} mih="min(66vh, 640px)" style={{ display: 'flex', flexDirection: 'column' }}>
            <EvidencePreview item={item} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Tabs value={tab} onChange={setTab}>
              <Tabs.List mb="sm">
                <Tabs.Tab value="details">{t('viewer.details')}</Tabs.Tab>
                <Tabs.Tab value="custody">{t('viewer.custody')}</Tabs.Tab>
              </Tabs.List>
              <ScrollArea.Autosize mah="64vh" type="auto" offsetScrollbars>
                <Tabs.Panel value="details">
                  <EvidenceDetails item={item} onChanged={query.reload} />
                </Tabs.Panel>
                <Tabs.Panel value="custody">
                  <EvidenceCustody evidenceId={item.id} />
                </Tabs.Panel>
              </ScrollArea.Autosize>
            </Tabs>
            <Group justify="flex-end" mt="md">
              {item.trashedAt === null ? (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void trash()}>
                  {t('trash.move')}
                </Button>
              ) : (
                <Button variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => void restore()}>
                  {t('trash.restore')}
                </Button>
              )}
            </Group>
          </Grid.Col>
        </Grid>
      )}
    </Modal>
  );
}

/** Opens one item: the right viewer on the left, metadata and custody history on the right. */
export function EvidenceViewer({ evidenceId, onClose }: EvidenceViewerProps) {
  if (evidenceId === null) return null;
  return <OpenViewer key={evidenceId} evidenceId={evidenceId} onClose={onClose} />;
}
