import { Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWorkspace, WorkspaceEvent } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { actorWithRole, historyLine, yuan } from './history-words';
import { WorkspaceSection } from './workspace-section';

function eventColor(event: WorkspaceEvent): string {
  if (event.kind === 'breach' || event.kind === 'escalated') return 'red';
  if (event.kind === 'warning') return 'orange';
  if (event.kind === 'met') return 'teal';
  if (event.kind === 'note') return 'yellow';
  if (event.kind === 'paused' || event.kind === 'resumed') return 'gray';
  return 'blue';
}

interface HistoryPanelProps {
  data: CaseWorkspace;
  /** The note field, so the N shortcut can focus it. */
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onChanged: () => void;
}

/** The case's history in words, newest first, with the note field on top. */
export function HistoryPanel({ data, noteRef, onChanged }: HistoryPanelProps) {
  const { t } = useTranslation(['workspace', 'common', 'domain']);
  const { timeZone, language } = usePreferences();
  const api = useApi();
  const run = useRunAction();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const events = [...data.history].reverse();

  async function save() {
    const text = note.trim();
    if (text === '') return;
    setBusy(true);
    const result = await run(() => api.call('cases.addNote', { caseId: data.caseId, text }));
    setBusy(false);
    if (!result) return;
    setNote('');
    notifySuccess(t('notes.saved'));
    onChanged();
  }

  return (
    <WorkspaceSection title={t('history.title')} testId="workspace-history">
      <Stack gap={6}>
        <Textarea
          ref={noteRef}
          label={t('notes.label')}
          placeholder={t('notes.placeholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
          data-testid="workspace-note-input"
        />
        <Group justify="flex-end">
          <Button size="xs" leftSection={<IconNote size={14} />} disabled={note.trim() === ''} loading={busy} onClick={() => void save()} data-testid="workspace-note-save">
            {t('notes.save')}
          </Button>
        </Group>
      </Stack>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="workspace-history-list">
          {events.map((event, index) => (
            <Timeline.Item
              key={`${event.at}-${index}`}
              color={eventColor(event)}
              title={
                <Text size="sm" fw={500} data-testid="workspace-history-line" data-kind={event.kind}>
                  {historyLine(event, t)}
                </Text>
              }
            >
              {event.text ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {event.text}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at, timeZone, language)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </WorkspaceSection>
  );
}

/** What was offered: the standing amount and each offer before it. */
export function CompensationPanel({ data }: { data: CaseWorkspace }) {
  const { t } = useTranslation(['workspace', 'common', 'domain']);
  const { timeZone, language } = usePreferences();
  const offers = data.compensation;
  const standing = offers.at(-1);
  return (
    <WorkspaceSection title={t('compensation.title')} testId="workspace-compensation">
      {standing ? (
        <Stack gap={4}>
          <Text size="sm" fw={600} data-testid="workspace-compensation-current">
            {t('compensation.current', { amount: yuan(standing.cents) })}
          </Text>
          {[...offers].reverse().map((offer, index) => (
            <Text key={`${offer.at}-${index}`} size="xs" c="dimmed">
              {t('compensation.line', { amount: yuan(offer.cents), actor: actorWithRole(offer.actor, t), time: formatDateTime(offer.at, timeZone, language) })}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('compensation.none')}
        </Text>
      )}
    </WorkspaceSection>
  );
}
