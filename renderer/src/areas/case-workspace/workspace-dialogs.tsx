import { Alert, NativeSelect, NumberInput, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWorkspace } from '../../../../shared/contract';
import type { CaseStatus } from '../../../../shared/domain/reviews';
import { caseOutcomes, caseTransitions, mayTake, pauseReasons, type CaseOutcome, type PauseReason } from '../../../../shared/domain/sla';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { FormActions, FormModal } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { outcomeKey, pauseReasonKey, roleKey, statusKey } from '../../i18n/domain/keys';
import { yuan } from './history-words';

export type WorkspaceDialog = 'offer' | 'pause' | 'close' | 'reassign';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  /** After the action succeeded. */
  onDone: () => void;
}

/** Runs a dialog's action with its busy state; the dialog stays open on a refusal so it can be corrected. */
function useDialogAction() {
  const run = useRunAction();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async submit<T>(event: FormEvent, action: () => Promise<T>): Promise<T | undefined> {
      event.preventDefault();
      setBusy(true);
      try {
        return await run(action);
      } finally {
        setBusy(false);
      }
    },
  };
}

function OfferForm({ caseId, onClose, onDone }: Omit<DialogProps, 'opened'> & { caseId: number }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const api = useApi();
  const settings = useApiQuery('auth.getSettings', {}, ['settings', 'auth']);
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const { busy, submit } = useDialogAction();
  const limit = settings.data?.compensationApprovalCents;
  return (
    <form
      onSubmit={(event) =>
        void submit(event, () =>
          api.call('cases.transition', {
            caseId,
            to: 'solution_offered',
            compensationCents: typeof amount === 'number' ? Math.round(amount * 100) : undefined,
            note: note.trim() === '' ? undefined : note.trim(),
          }),
        ).then((result) => {
          if (!result) return;
          notifySuccess(t('actions.done', { status: t(statusKey[result.status]) }));
          onDone();
        })
      }
    >
      <Stack gap="sm">
        <NumberInput
          data-autofocus
          label={t('offer.amount')}
          description={limit !== undefined ? t('offer.amountHint', { limit: yuan(limit) }) : t('offer.amountHintNoLimit')}
          min={0}
          max={1_000_000}
          decimalScale={2}
          prefix="¥"
          value={amount}
          onChange={setAmount}
          data-testid="offer-amount"
        />
        <Textarea label={t('offer.note')} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} data-testid="offer-note" />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('offer.submit')} />
      </Stack>
    </form>
  );
}

export function OfferModal({ opened, caseId, onClose, onDone }: DialogProps & { caseId: number }) {
  const { t } = useTranslation('workspace');
  return (
    <FormModal opened={opened} onClose={onClose} title={t('offer.title')}>
      {opened ? <OfferForm caseId={caseId} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}

function PauseForm({ caseId, onClose, onDone }: Omit<DialogProps, 'opened'> & { caseId: number }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const api = useApi();
  const [reason, setReason] = useState<PauseReason>('waiting_buyer');
  const [note, setNote] = useState('');
  const { busy, submit } = useDialogAction();
  return (
    <form
      onSubmit={(event) =>
        void submit(event, () => api.call('cases.pause', { caseId, reason, note: note.trim() === '' ? undefined : note.trim() })).then((result) => {
          if (!result) return;
          notifySuccess(t('actions.paused'));
          onDone();
        })
      }
    >
      <Stack gap="sm">
        <NativeSelect data-autofocus label={t('pause.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value as PauseReason)} data={pauseReasons.map((value) => ({ value, label: t(pauseReasonKey[value]) }))} />
        <Textarea label={t('pause.note')} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('pause.submit')} />
      </Stack>
    </form>
  );
}

export function PauseModal({ opened, caseId, onClose, onDone }: DialogProps & { caseId: number }) {
  const { t } = useTranslation('workspace');
  return (
    <FormModal opened={opened} onClose={onClose} title={t('pause.title')}>
      {opened ? <PauseForm caseId={caseId} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}

/**
 * Closing with an outcome: from resolved or guidance sent the outcome is recorded first, then the
 * case closes; at the outcome step it just closes; earlier it closes directly (a supervisor's call).
 */
function CloseForm({ caseId, status, onClose, onDone }: Omit<DialogProps, 'opened'> & { caseId: number; status: CaseStatus }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const api = useApi();
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [note, setNote] = useState('');
  const { busy, submit } = useDialogAction();
  const needsOutcome = caseTransitions[status].includes('outcome');
  const early = !needsOutcome && status !== 'outcome';
  const trimmed = note.trim() === '' ? undefined : note.trim();
  return (
    <form
      onSubmit={(event) =>
        void submit(event, async () => {
          if (needsOutcome) await api.call('cases.transition', { caseId, to: 'outcome', outcome: outcome as CaseOutcome, note: trimmed });
          return api.call('cases.transition', { caseId, to: 'closed', note: needsOutcome ? undefined : trimmed });
        }).then((result) => {
          if (!result) return;
          notifySuccess(t('actions.closed'));
          onDone();
        })
      }
    >
      <Stack gap="sm">
        {needsOutcome ? (
          <NativeSelect
            data-autofocus
            required
            label={t('close.outcome')}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value as CaseOutcome | '')}
            data={[{ value: '', label: t('close.outcomePlaceholder') }, ...caseOutcomes.map((value) => ({ value, label: t(outcomeKey[value]) }))]}
            data-testid="close-outcome"
          />
        ) : null}
        {early ? (
          <Alert color="yellow" variant="light" p="xs">
            {t('close.beforeOutcome')}
          </Alert>
        ) : null}
        <Textarea label={t('close.note')} autosize minRows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('close.submit')} />
      </Stack>
    </form>
  );
}

export function CloseModal({ opened, caseId, status, onClose, onDone }: DialogProps & { caseId: number; status: CaseStatus }) {
  const { t } = useTranslation('workspace');
  return (
    <FormModal opened={opened} onClose={onClose} title={t('close.title')}>
      {opened ? <CloseForm caseId={caseId} status={status} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}

function ReassignForm({ data, onClose, onDone }: Omit<DialogProps, 'opened'> & { data: CaseWorkspace }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const api = useApi();
  const staff = useApiQuery('staff.list', {}, ['staff']);
  const [to, setTo] = useState('');
  const { busy, submit } = useDialogAction();
  const owner = data.sla.policy.ownerRole;
  // Only people whose role may take this category, and not the one who holds it now.
  const options = (staff.data?.items ?? []).filter((member) => member.active && member.id !== data.assignee?.id && mayTake(member.role, owner));
  return (
    <form
      onSubmit={(event) =>
        void submit(event, () => api.call('cases.assign', { caseIds: [data.caseId], assigneeId: Number(to) })).then((result) => {
          if (!result) return;
          notifySuccess(t('actions.reassigned', { name: options.find((member) => String(member.id) === to)?.name ?? '' }));
          onDone();
        })
      }
    >
      <Stack gap="sm">
        <NativeSelect
          data-autofocus
          required
          label={t('reassign.to')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          data={[{ value: '', label: t('reassign.placeholder') }, ...options.map((member) => ({ value: String(member.id), label: t('history.actorWithRole', { name: member.name, role: t(roleKey[member.role]) }) }))]}
          data-testid="reassign-to"
        />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('reassign.submit')} />
      </Stack>
    </form>
  );
}

export function ReassignModal({ opened, data, onClose, onDone }: DialogProps & { data: CaseWorkspace }) {
  const { t } = useTranslation('workspace');
  return (
    <FormModal opened={opened} onClose={onClose} title={t('reassign.title')}>
      {opened ? <ReassignForm data={data} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}
