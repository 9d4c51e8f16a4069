import { Anchor, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { StatusBadge } from '../../components/badges/status-badge';
import { SlaCountdown } from '../../components/case-sla/sla-countdown';
import { SlaPanel } from '../../components/case-sla/sla-panel';
import { CaseEvidencePanel } from '../../components/evidence/case-evidence-panel';
import { QueryError } from '../../components/query-error';
import { roleKey, slaTargetKey } from '../../i18n/domain/keys';
import { useSession } from '../../session/session-context';
import { ClassificationPanel } from './classification-panel';
import { CompensationPanel, HistoryPanel } from './history-panel';
import { OrderPanel } from './order-panel';
import { ReviewPanel } from './review-panel';
import { useCaseWorkspace } from './use-case-workspace';
import { WorkspaceActions } from './workspace-actions';
import { WorkspaceSection } from './workspace-section';

/** Where the person came from (a list passes `state.from`), so the back link returns there. */
function useBackLink(): { to: string; inbox: boolean } {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const to = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/cases';
  return { to, inbox: to.startsWith('/inbox') };
}

/**
 * /cases/:caseId — one case on one page: the review, its order and buyer, category and flags,
 * deadlines, actions with shortcuts, the history in words with notes, compensation, and evidence
 * (drop, pick, or paste a screenshot anywhere on the page). Later features add panels here.
 */
export function CaseWorkspaceScreen() {
  const { t } = useTranslation(['workspace', 'domain']);
  const session = useSession();
  const { caseId: param = '' } = useParams();
  const caseId = /^\d+$/.test(param) ? Number(param) : 0;
  const back = useBackLink();
  const workspace = useCaseWorkspace(caseId > 0 ? caseId : 1);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const evidenceRef = useRef<HTMLDivElement>(null);
  const { reload } = workspace;
  const onNote = useCallback(() => noteRef.current?.focus(), []);
  const onAddEvidence = useCallback(() => evidenceRef.current?.querySelector<HTMLInputElement>('[data-testid="evidence-file-input"]')?.click(), []);
  // An old answer for the previously open case must not flash under the new one's id.
  const data = workspace.data?.caseId === caseId ? workspace.data : undefined;

  const backLink = (
    <Anchor component={Link} to={back.to} size="sm" display="inline-block" data-testid="workspace-back">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {back.inbox ? t('backToInbox') : t('backToCases')}
      </Group>
    </Anchor>
  );

  if (caseId <= 0 || (workspace.error && !data)) {
    return (
      <Stack gap="md" data-testid="case-workspace">
        {backLink}
        {caseId <= 0 ? <Text>{t('notFound')}</Text> : <QueryError error={workspace.error} onRetry={reload} />}
      </Stack>
    );
  }
  if (!data) {
    return (
      <Stack gap="md" data-testid="case-workspace" aria-busy aria-label={t('loadingLabel')}>
        {backLink}
        <Skeleton height={32} width="40%" />
        <Skeleton height={72} />
        <Skeleton height={240} />
      </Stack>
    );
  }

  const me = session.operator;
  const holder = data.assignee
    ? me && data.assignee.id === me.id
      ? t('holder.you')
      : t('holder.by', { name: data.assignee.name, role: data.assignee.role ? t(roleKey[data.assignee.role]) : '' })
    : data.poolRole
      ? t('holder.pool', { role: t(roleKey[data.poolRole]) })
      : t('holder.nobody');
  const reviewCase = data.review.case;

  return (
    <Stack gap="md" data-testid="case-workspace" data-case-id={data.caseId}>
      {backLink}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2">
              {t('title', { id: data.caseId })}
            </Title>
            <StatusBadge status={data.sla.status} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="workspace-holder">
            {holder}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {data.sla.targets.map((target) => (
            <Group key={target.kind} gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t(slaTargetKey[target.kind])}
              </Text>
              <SlaCountdown
                compact
                testId={`workspace-countdown-${target.kind}`}
                target={{ state: target.state, dueAt: target.dueAt, remainingMs: target.remainingMs, warnAt: target.warnAt.map((point) => point.at) }}
              />
            </Group>
          ))}
        </Group>
      </Group>
      <Paper withBorder radius="lg" p="sm">
        <WorkspaceActions data={data} onChanged={reload} onNote={onNote} onAddEvidence={onAddEvidence} />
      </Paper>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ReviewPanel data={data} />
            {/* The targets table needs the wider column: its countdowns must never be cut. */}
            <WorkspaceSection title={t('sla.title')} testId="workspace-sla">
              <SlaPanel sla={data.sla} withHistory={false} />
            </WorkspaceSection>
            {reviewCase ? <ClassificationPanel reviewCase={reviewCase} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <div ref={evidenceRef} data-testid="workspace-evidence">
              <CaseEvidencePanel caseId={String(data.caseId)} />
            </div>
            <CompensationPanel data={data} />
            <OrderPanel data={data} />
          </Stack>
        </Grid.Col>
        {/* Full width and last: in one column (1024 px) the evidence and the order come before a long history. */}
        <Grid.Col span={12}>
          <HistoryPanel data={data} noteRef={noteRef} onChanged={reload} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
