import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconHandGrab } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSla } from '../../../../shared/contract';
import { caseOutcomes, caseTransitions, pauseReasons, type CaseOutcome, type PauseReason } from '../../../../shared/domain/sla';
import type { CaseStatus } from '../../../../shared/domain/reviews';
import { useApi } from '../../api/api-context';
import { useRunAction } from '../../errors/use-run-action';
import { outcomeKey, pauseReasonKey, statusKey } from '../../i18n/domain/keys';
import { useSession } from '../../session/session-context';
import { notifySuccess } from '../notify';
import { transitionKey } from './sla-keys';

interface CaseActionsProps {
  sla: CaseSla;
  /** Called with the case's new SLA after any action. */
  onChanged: (next: CaseSla) => void;
  /** Who holds the case: 我来处理 shows only to a signed-in person who does not hold it already. */
  assigneeId?: number | null;
}

/** Lifecycle buttons valid for the current status, the outcome picker, pause/resume and take. */
export function CaseActions({ sla, onChanged, assigneeId }: CaseActionsProps) {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [note, setNote] = useState('');
  const [compensation, setCompensation] = useState<number | string>('');
  const [reason, setReason] = useState<PauseReason>('waiting_buyer');
  const next = caseTransitions[sla.status];
  const operator = useSession().operator;

  async function transition(to: CaseStatus) {
    const result = await run(() =>
      api.call('cases.transition', {
        caseId: sla.caseId,
        to,
        outcome: to === 'outcome' && outcome !== '' ? outcome : undefined,
        note: note.trim() === '' ? undefined : note.trim(),
        compensationCents: to === 'solution_offered' && typeof compensation === 'number' ? Math.round(compensation * 100) : undefined,
      }),
    );
    if (!result) return;
    setNote('');
    notifySuccess(t('sla.actions.done', { status: t(statusKey[result.status]) }));
    onChanged(result);
  }

  async function pauseOrResume() {
    const result = await run(() => (sla.paused ? api.call('cases.resume', { caseId: sla.caseId }) : api.call('cases.pause', { caseId: sla.caseId, reason })));
    if (!result) return;
    notifySuccess(sla.paused ? t('sla.actions.resumed') : t('sla.actions.paused'));
    onChanged(result);
  }

  async function take() {
    const result = await run(() => api.call('cases.take', { caseId: sla.caseId }));
    if (!result) return;
    notifySuccess(t('sla.actions.taken'));
    onChanged(result);
  }

  const open = sla.status !== 'closed';
  return (
    <Stack gap="sm" data-testid="case-actions">
      <Group gap="xs">
        {next
          .filter((to) => to !== 'outcome')
          .map((to) => (
            <Button
              key={to}
              size="xs"
              variant={to === 'closed' ? 'default' : 'light'}
              onClick={() => void transition(to)}
              data-testid={`transition-${to}`}
            >
              {sla.status === 'closed' ? t('sla.actions.reopen') : t(transitionKey[to])}
            </Button>
          ))}
        {open && operator !== null && assigneeId !== operator.id ? (
          <Button size="xs" variant="subtle" leftSection={<IconHandGrab size={14} />} onClick={() => void take()} data-testid="case-take">
            {t('sla.actions.take')}
          </Button>
        ) : null}
      </Group>
      {next.includes('outcome') ? (
        <Group gap="xs" align="flex-end">
          <NativeSelect
            size="xs"
            label={t('sla.actions.outcomeLabel')}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value as CaseOutcome | '')}
            data={[{ value: '', label: t('sla.actions.outcomePlaceholder') }, ...caseOutcomes.map((value) => ({ value, label: t(outcomeKey[value]) }))]}
            data-testid="outcome-picker"
          />
          <Button size="xs" disabled={outcome === ''} onClick={() => void transition('outcome')} data-testid="transition-outcome">
            {t('sla.actions.to.outcome')}
          </Button>
        </Group>
      ) : null}
      {next.includes('solution_offered') ? (
        <NumberInput size="xs" label={t('sla.actions.compensation')} min={0} decimalScale={2} value={compensation} onChange={setCompensation} maw={220} />
      ) : null}
      {open ? <TextInput size="xs" label={t('sla.actions.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} /> : null}
      {open ? (
        <Group gap="xs" align="flex-end">
          {!sla.paused ? (
            <NativeSelect
              size="xs"
              label={t('sla.actions.pauseReason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value as PauseReason)}
              data={pauseReasons.map((value) => ({ value, label: t(pauseReasonKey[value]) }))}
            />
          ) : null}
          <Button
            size="xs"
            variant="default"
            leftSection={sla.paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />}
            onClick={() => void pauseOrResume()}
            data-testid={sla.paused ? 'case-resume' : 'case-pause'}
          >
            {sla.paused ? t('sla.actions.resume') : t('sla.actions.pause')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('sla.actions.noneLeft')}
        </Text>
      )}
    </Stack>
  );
}
