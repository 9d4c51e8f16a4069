import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewFilters } from '../../../../../shared/contract';
import type { CaseCategory } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { notifyError, notifySuccess } from '../../../components/notify';
import { errorMessage } from '../../../errors/error-messages';
import { categoryKey } from '../../../i18n/domain/keys';

export type BulkAction = { kind: 'assign'; assigneeId: number | null; label: string } | { kind: 'recategorize'; category: CaseCategory };

export type MatchingState =
  | { phase: 'idle' }
  | { phase: 'counting'; action: BulkAction }
  | { phase: 'confirm'; action: BulkAction; cases: number; upTo: number }
  | { phase: 'tooMany'; action: BulkAction; cases: number; max: number }
  | { phase: 'running'; action: BulkAction; cases: number; done: number; updated: number; stopping: boolean };

/**
 * A bulk change over everything the filter matches: counts the cases on the server, asks with that
 * count, then changes them batch by batch with progress (and a way to stop between batches), and
 * reports how many were handled and how many actually changed.
 */
export function useBulkMatching(filters: ReviewFilters, onDone: () => void) {
  const { t, i18n } = useTranslation(['inbox', 'domain', 'common']);
  const api = useApi();
  const [state, setState] = useState<MatchingState>({ phase: 'idle' });
  const stop = useRef(false);

  async function request(action: BulkAction) {
    setState({ phase: 'counting', action });
    try {
      const { cases, upTo, max } = await api.call('reviews.countCases', { filters });
      if (cases === 0 || upTo === null) {
        setState({ phase: 'idle' });
        notifySuccess(t('bulk.nothingToChange'));
      } else setState(cases > max ? { phase: 'tooMany', action, cases, max } : { phase: 'confirm', action, cases, upTo });
    } catch (error) {
      setState({ phase: 'idle' });
      notifyError(errorMessage(error, i18n), t('common:errors.title'));
    }
  }

  async function confirm() {
    if (state.phase !== 'confirm') return;
    const { action, cases, upTo } = state;
    stop.current = false;
    let done = 0;
    let updated = 0;
    let after: number | undefined;
    setState({ phase: 'running', action, cases, done, updated, stopping: false });
    try {
      do {
        const range = { filters, upTo, ...(after === undefined ? {} : { after }) };
        const batch =
          action.kind === 'assign'
            ? await api.call('reviews.assignMatching', { ...range, assigneeId: action.assigneeId })
            : await api.call('reviews.recategorizeMatching', { ...range, category: action.category });
        done += batch.processed;
        updated += batch.updated;
        after = batch.next ?? undefined;
        setState({ phase: 'running', action, cases, done, updated, stopping: stop.current });
      } while (after !== undefined && !stop.current);
    } catch (error) {
      notifyError(t('bulk.stoppedAfter', { done, updated, reason: errorMessage(error, i18n) }), t('common:errors.title'));
      setState({ phase: 'idle' });
      onDone();
      return;
    }
    const what = action.kind === 'assign' ? t('bulk.doneAssign', { name: action.label }) : t('bulk.doneRecategorize', { category: t(categoryKey[action.category]) });
    notifySuccess(stop.current && after !== undefined ? t('bulk.stopped', { done, cases, updated }) : t('bulk.doneMatching', { done, updated, what }));
    setState({ phase: 'idle' });
    onDone();
  }

  return {
    state,
    request,
    confirm,
    cancel: () => setState({ phase: 'idle' }),
    stop: () => {
      stop.current = true;
      setState((previous) => (previous.phase === 'running' ? { ...previous, stopping: true } : previous));
    },
  };
}
