import { Button, Group, Modal, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { categoryKey } from '../../../i18n/domain/keys';
import type { useBulkMatching } from './use-bulk-matching';

/** The questions and progress of a bulk change over a filter: count, confirm, batches, stop. */
export function BulkMatchingModal({ matching }: { matching: ReturnType<typeof useBulkMatching> }) {
  const { t } = useTranslation(['inbox', 'domain', 'common']);
  const { state } = matching;
  if (state.phase === 'idle' || state.phase === 'counting') return null;
  const { action } = state;
  const title =
    state.phase === 'tooMany'
      ? t('bulk.tooManyTitle')
      : state.phase === 'running'
        ? t('bulk.progressTitle')
        : action.kind === 'assign'
          ? t('bulk.confirmMatchingAssignTitle', { count: state.cases, name: action.label })
          : t('bulk.confirmMatchingRecategorizeTitle', { count: state.cases, category: t(categoryKey[action.category]) });
  return (
    <Modal opened onClose={state.phase === 'running' ? () => undefined : matching.cancel} withCloseButton={state.phase !== 'running'} title={title} centered radius="lg">
      <div data-testid="bulk-matching">
        {state.phase === 'tooMany' ? (
          <>
            <Text size="sm" mb="lg">
              {t('bulk.tooManyBody', { count: state.cases, max: state.max })}
            </Text>
            <Group justify="flex-end">
              <Button onClick={matching.cancel} data-autofocus>
                {t('common:close')}
              </Button>
            </Group>
          </>
        ) : state.phase === 'confirm' ? (
          <>
            <Text size="sm" mb="lg">
              {t('bulk.matchingBody')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={matching.cancel} data-autofocus>
                {t('common:cancel')}
              </Button>
              <Button color="indigo" onClick={() => void matching.confirm()} data-testid="bulk-matching-confirm">
                {action.kind === 'assign' ? t('bulk.assign') : t('bulk.recategorize')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Progress value={(state.done / Math.max(1, state.cases)) * 100} mb="xs" aria-label={t('bulk.progress', { done: state.done, cases: state.cases })} />
            <Text size="sm" mb="lg" aria-live="polite" data-testid="bulk-matching-progress">
              {state.stopping ? t('bulk.stopping') : t('bulk.progress', { done: state.done, cases: state.cases })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={matching.stop} disabled={state.stopping}>
                {t('bulk.stop')}
              </Button>
            </Group>
          </>
        )}
      </div>
    </Modal>
  );
}
