import { Alert, Button, Group, NativeSelect, Stack, Text, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { CaseSummary, StaffMember } from '../../../../../shared/contract';
import { caseCategories, type CaseCategory } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { notifySuccess } from '../../../components/notify';
import { useRunAction } from '../../../errors/use-run-action';
import { CaseSlaSection } from '../../../components/case-sla/case-sla-section';
import { useExplainFlag } from '../../../components/case-words/flag-evidence';
import { flagIcons } from '../badges/flag-icons';
import { SeverityBadge, StatusBadge } from '../../../components/badges/status-badge';
import { DetailSection } from './detail-section';
import { ClassificationPanel } from './classification-panel';
import { categoryKey } from '../../../i18n/domain/keys';
import { flagKey } from '../i18n/keys';

interface CasePanelProps {
  /** The review's case. */
  reviewCase: CaseSummary;
  assignable: StaffMember[];
  staffNames: ReadonlyMap<number, string>;
  /** Reloads the pane after a change, before the backend's change event arrives. */
  onChanged: () => void;
}

/** The case behind a review: status, category and why, assignee, and each flag with its evidence. */
export function CasePanel({ reviewCase, assignable, staffNames, onChanged }: CasePanelProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const location = useLocation();
  const explainFlag = useExplainFlag();

  async function recategorize(category: CaseCategory) {
    const result = await run(() => api.call('cases.recategorize', { caseIds: [reviewCase.id], category }));
    if (!result) return;
    notifySuccess(t('detail.recategorized', { category: t(categoryKey[category]) }));
    onChanged();
  }

  async function assign(value: string) {
    const assigneeId = value === '' ? null : Number(value);
    const result = await run(() => api.call('cases.assign', { caseIds: [reviewCase.id], assigneeId }));
    if (!result) return;
    notifySuccess(assigneeId === null ? t('detail.unassignedDone') : t('detail.assigned', { name: staffNames.get(assigneeId) ?? '' }));
    onChanged();
  }

  // A deactivated assignee stays visible in the picker so the current value is never blank.
  const assigneeOptions = [...assignable];
  if (reviewCase.assigneeId !== null && !assignable.some((member) => member.id === reviewCase.assigneeId)) {
    assigneeOptions.push({ id: reviewCase.assigneeId, name: staffNames.get(reviewCase.assigneeId) ?? `#${reviewCase.assigneeId}` } as StaffMember);
  }

  return (
    <DetailSection title={t('detail.case')} testId="detail-case">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <StatusBadge status={reviewCase.status} />
          <SeverityBadge severity={reviewCase.severity} />
        </Group>
        {/* The case's own page, by URL: the inbox never imports the workspace. */}
        <Tooltip label={t('detail.openCaseHint')} multiline maw={260}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconExternalLink size={14} />}
            onClick={() => void navigate(`/cases/${reviewCase.id}`, { state: { from: `${location.pathname}${location.search}` } })}
            data-testid="detail-open-case"
          >
            {t('detail.openCase')}
          </Button>
        </Tooltip>
      </Group>
      <Group gap="sm" grow align="flex-start">
        <NativeSelect
          size="xs"
          label={t('detail.category')}
          value={reviewCase.category}
          onChange={(event) => void recategorize(event.currentTarget.value as CaseCategory)}
          data={caseCategories.map((value) => ({ value, label: t(categoryKey[value]) }))}
        />
        <NativeSelect
          size="xs"
          label={t('detail.assignee')}
          value={reviewCase.assigneeId === null ? '' : String(reviewCase.assigneeId)}
          onChange={(event) => void assign(event.currentTarget.value)}
          data={[
            { value: '', label: t('unassigned') },
            ...assigneeOptions.map((member) => ({ value: String(member.id), label: member.name })),
          ]}
        />
      </Group>
      <ClassificationPanel classification={reviewCase.classification} onPick={(category) => void recategorize(category)} />
      {reviewCase.flags.length > 0 ? (
        <Stack gap={6} data-testid="case-flags">
          {reviewCase.flags.map((flag) => {
            const FlagIcon = flagIcons[flag.type];
            return (
              <Alert
                key={flag.type}
                color="red"
                variant="light"
                radius="md"
                p="xs"
                icon={<FlagIcon size={18} />}
                title={t(flagKey[flag.type])}
                styles={{ title: { marginBottom: 2 } }}
              >
                <Text size="sm" data-testid="flag-evidence">
                  {explainFlag(flag)}
                </Text>
              </Alert>
            );
          })}
        </Stack>
      ) : null}
      <DetailSection title={t('common:sla.panel.title')} testId="detail-sla">
        <CaseSlaSection caseId={reviewCase.id} assigneeId={reviewCase.assigneeId} onChanged={onChanged} />
      </DetailSection>
    </DetailSection>
  );
}
