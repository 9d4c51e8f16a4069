import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../../shared/domain/reviews';
import { caseOutcomes, type CaseOutcome } from '../../../../../shared/domain/sla';
import { outcomeKey, statusKey } from '../../../i18n/domain/keys';

export interface MoveAnswers {
  outcome?: CaseOutcome;
  compensationCents?: number;
  note?: string;
}

interface MoveDialogProps {
  /** The case and the status it is dropped on; null: closed. */
  move: { caseId: number; from: CaseStatus; to: CaseStatus } | null;
  busy: boolean;
  onConfirm: (answers: MoveAnswers) => void;
  onClose: () => void;
}

/** Asks what a step needs before it is taken: the outcome, an offered compensation, or a note. */
export function MoveDialog({ move, busy, onConfirm, onClose }: MoveDialogProps) {
  const { t } = useTranslation(['cases', 'domain', 'common']);
  const [outcome, setOutcome] = useState<CaseOutcome | null>(null);
  const [compensation, setCompensation] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const reset = () => {
    setOutcome(null);
    setCompensation('');
    setNote('');
    setTried(false);
  };
  const confirm = () => {
    if (!move) return;
    if (move.to === 'outcome' && !outcome) {
      setTried(true);
      return;
    }
    onConfirm({
      ...(move.to === 'outcome' && outcome ? { outcome } : {}),
      ...(move.to === 'solution_offered' && typeof compensation === 'number' ? { compensationCents: Math.round(compensation * 100) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    reset();
  };
  return (
    <Modal
      opened={move !== null}
      onClose={() => {
        if (busy) return;
        reset();
        onClose();
      }}
      title={move ? t('move.title', { id: move.caseId, to: t(statusKey[move.to]) }) : ''}
      centered
      radius="lg"
      data-testid="move-dialog"
    >
      {move ? (
        <Stack gap="md">
          {move.to === 'outcome' ? (
            <Select
              label={t('move.outcome')}
              placeholder={t('move.outcomePlaceholder')}
              data={caseOutcomes.map((value) => ({ value, label: t(outcomeKey[value]) }))}
              value={outcome}
              onChange={(value) => setOutcome(value as CaseOutcome | null)}
              error={tried && !outcome ? t('move.outcomeRequired') : undefined}
              required
              data-autofocus
              data-testid="move-outcome"
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          {move.to === 'solution_offered' ? <NumberInput label={t('move.compensation')} min={0} decimalScale={2} value={compensation} onChange={setCompensation} data-autofocus /> : null}
          {move.to === 'closed' && move.from !== 'outcome' ? (
            <Alert color="yellow" variant="light">
              {t('move.closeEarly')}
            </Alert>
          ) : null}
          <Textarea label={t('move.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={1000} autosize minRows={2} />
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={busy}
              onClick={() => {
                reset();
                onClose();
              }}
            >
              {t('common:cancel')}
            </Button>
            <Button onClick={confirm} loading={busy} data-testid="move-confirm">
              {t('move.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
