import { Button, Group, Kbd, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconCash, IconCheck, IconFilePlus, IconHandGrab, IconLock, IconNote, IconPhone, IconPlayerPause, IconPlayerPlay, IconSend, IconUserShare } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWorkspace } from '../../../../shared/contract';
import { caseTransitions } from '../../../../shared/domain/sla';
import type { CaseStatus } from '../../../../shared/domain/reviews';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { statusKey } from '../../i18n/domain/keys';
import { useSession } from '../../session/session-context';
import { CloseModal, OfferModal, PauseModal, ReassignModal, type WorkspaceDialog } from './workspace-dialogs';

const shortcuts = [
  ['T', 'actions.take'],
  ['C', 'actions.contact'],
  ['O', 'actions.offer'],
  ['P', 'actions.pauseResume'],
  ['X', 'actions.close'],
  ['A', 'actions.reassign'],
  ['N', 'actions.note'],
  ['E', 'actions.evidence'],
] as const;

interface WorkspaceActionsProps {
  data: CaseWorkspace;
  onChanged: () => void;
  /** Focuses the note field (N). */
  onNote: () => void;
  /** Opens the file picker of the evidence panel (E). */
  onAddEvidence: () => void;
}

/** One action: its button with the shortcut in the tooltip. */
function ActionButton({ label, hotkey, icon, onClick, testId, primary = false }: { label: string; hotkey?: string; icon: ReactNode; onClick: () => void; testId: string; primary?: boolean }) {
  const { t } = useTranslation('workspace');
  const button = (
    <Button size="xs" variant={primary ? 'filled' : 'light'} leftSection={icon} onClick={onClick} data-testid={testId} aria-keyshortcuts={hotkey?.toUpperCase()}>
      {label}
    </Button>
  );
  return hotkey ? (
    <Tooltip label={t('actions.shortcut', { label, key: hotkey.toUpperCase() })} withArrow openDelay={300} position="bottom">
      {button}
    </Tooltip>
  ) : (
    button
  );
}

/**
 * The case's actions, each with a one-key shortcut that does nothing while a field has focus or a
 * dialog is open: T take, C start contact, O offer a solution, P pause/resume, X close, A reassign,
 * N note, E add evidence. 我来处理 shows only while someone else (or nobody) holds the case.
 */
export function WorkspaceActions({ data, onChanged, onNote, onAddEvidence }: WorkspaceActionsProps) {
  const { t } = useTranslation(['workspace', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const session = useSession();
  const [dialog, setDialog] = useState<WorkspaceDialog | null>(null);
  const status = data.sla.status;
  const open = status !== 'closed';
  const next = caseTransitions[status];
  const operator = session.operator;
  const mayTake = open && operator !== null && data.assignee?.id !== operator.id;

  async function transition(to: CaseStatus) {
    const result = await run(() => api.call('cases.transition', { caseId: data.caseId, to }));
    if (!result) return;
    notifySuccess(t('actions.done', { status: t(statusKey[result.status]) }));
    onChanged();
  }

  async function take() {
    const result = await run(() => api.call('cases.take', { caseId: data.caseId }));
    if (!result) return;
    notifySuccess(t('actions.taken'));
    onChanged();
  }

  async function resume() {
    const result = await run(() => api.call('cases.resume', { caseId: data.caseId }));
    if (!result) return;
    notifySuccess(t('actions.resumed'));
    onChanged();
  }

  const can = {
    contact: next.includes('contacting') && status !== 'closed',
    offer: next.includes('solution_offered'),
    resolve: next.includes('resolved'),
    guidance: next.includes('guidance_sent'),
    close: open,
    reopen: status === 'closed',
  };

  const guard = (action: () => void) => () => {
    if (dialog === null) action();
  };
  useHotkeys([
    ['t', guard(() => mayTake && void take())],
    ['c', guard(() => can.contact && void transition('contacting'))],
    ['o', guard(() => can.offer && setDialog('offer'))],
    ['p', guard(() => open && (data.sla.paused ? void resume() : setDialog('pause')))],
    ['x', guard(() => can.close && setDialog('close'))],
    ['a', guard(() => open && setDialog('reassign'))],
    ['n', guard(onNote)],
    ['e', guard(onAddEvidence)],
  ]);

  const done = () => {
    setDialog(null);
    onChanged();
  };

  return (
    <Stack gap={6} data-testid="workspace-actions">
      <Group gap="xs" wrap="wrap">
        {mayTake ? <ActionButton primary label={t('actions.take')} hotkey="t" icon={<IconHandGrab size={14} />} onClick={() => void take()} testId="workspace-take" /> : null}
        {can.contact ? <ActionButton primary={!mayTake} label={t('actions.contact')} hotkey="c" icon={<IconPhone size={14} />} onClick={() => void transition('contacting')} testId="workspace-contact" /> : null}
        {can.offer ? <ActionButton label={t('actions.offer')} hotkey="o" icon={<IconCash size={14} />} onClick={() => setDialog('offer')} testId="workspace-offer" /> : null}
        {can.resolve ? <ActionButton label={t('actions.resolve')} icon={<IconCheck size={14} />} onClick={() => void transition('resolved')} testId="workspace-resolve" /> : null}
        {can.guidance ? <ActionButton label={t('actions.guidance')} icon={<IconSend size={14} />} onClick={() => void transition('guidance_sent')} testId="workspace-guidance" /> : null}
        {open ? (
          data.sla.paused ? (
            <ActionButton label={t('actions.resume')} hotkey="p" icon={<IconPlayerPlay size={14} />} onClick={() => void resume()} testId="workspace-resume" />
          ) : (
            <ActionButton label={t('actions.pause')} hotkey="p" icon={<IconPlayerPause size={14} />} onClick={() => setDialog('pause')} testId="workspace-pause" />
          )
        ) : null}
        {can.close ? <ActionButton label={t('actions.close')} hotkey="x" icon={<IconLock size={14} />} onClick={() => setDialog('close')} testId="workspace-close" /> : null}
        {can.reopen ? <ActionButton label={t('actions.reopen')} icon={<IconArrowBackUp size={14} />} onClick={() => void transition('contacting')} testId="workspace-reopen" /> : null}
        {open ? <ActionButton label={t('actions.reassign')} hotkey="a" icon={<IconUserShare size={14} />} onClick={() => setDialog('reassign')} testId="workspace-reassign" /> : null}
        <ActionButton label={t('actions.note')} hotkey="n" icon={<IconNote size={14} />} onClick={onNote} testId="workspace-note" />
        <ActionButton label={t('actions.evidence')} hotkey="e" icon={<IconFilePlus size={14} />} onClick={onAddEvidence} testId="workspace-add-evidence" />
      </Group>
      <Group gap={10} wrap="wrap" data-testid="workspace-shortcuts">
        <Text size="xs" c="dimmed">
          {t('actions.help')}
        </Text>
        {shortcuts.map(([key, labelKey]) => (
          <Text key={key} size="xs" c="dimmed" span>
            <Kbd size="xs" mr={4}>
              {key}
            </Kbd>
            {t(labelKey)}
          </Text>
        ))}
      </Group>
      <OfferModal opened={dialog === 'offer'} caseId={data.caseId} onClose={() => setDialog(null)} onDone={done} />
      <PauseModal opened={dialog === 'pause'} caseId={data.caseId} onClose={() => setDialog(null)} onDone={done} />
      <CloseModal opened={dialog === 'close'} caseId={data.caseId} status={status} onClose={() => setDialog(null)} onDone={done} />
      <ReassignModal opened={dialog === 'reassign'} data={data} onClose={() => setDialog(null)} onDone={done} />
    </Stack>
  );
}
