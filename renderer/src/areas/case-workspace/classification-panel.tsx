import { Alert, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconHandFinger, IconRobot, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';
import { CategoryBadge } from '../../components/badges/category-badge';
import { SeverityBadge } from '../../components/badges/status-badge';
import { useExplainClassification } from '../../components/case-words/explain-classification';
import { useExplainFlag } from '../../components/case-words/flag-evidence';
import { flagIcons } from '../../components/case-words/flag-icons';
import { flagKey } from '../../i18n/domain/keys';
import { WorkspaceSection } from './workspace-section';

/** The category and why (the rule and its words, or a person), then each flag with what raised it. */
export function ClassificationPanel({ reviewCase }: { reviewCase: CaseSummary }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const explainClassification = useExplainClassification();
  const explainFlag = useExplainFlag();
  const manual = reviewCase.classification.source === 'manual';
  return (
    <WorkspaceSection title={t('classification.title')} testId="workspace-classification">
      <Group gap="xs">
        <CategoryBadge category={reviewCase.category} manual={manual} />
        <SeverityBadge severity={reviewCase.severity} />
      </Group>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon size={22} radius="xl" variant="light" color={manual ? 'teal' : 'indigo'} style={{ flexShrink: 0 }}>
          {manual ? <IconHandFinger size={14} /> : <IconRobot size={14} />}
        </ThemeIcon>
        <Text size="sm" data-testid="workspace-classification-reason">
          {explainClassification(reviewCase.classification)}
        </Text>
      </Group>
      {reviewCase.flags.length > 0 ? (
        <Stack gap={6} data-testid="workspace-flags">
          {reviewCase.flags.map((flag) => {
            const FlagIcon = flagIcons[flag.type];
            return (
              <Alert key={flag.type} color="red" variant="light" radius="md" p="xs" icon={<FlagIcon size={18} />} title={t(flagKey[flag.type])} styles={{ title: { marginBottom: 2 } }}>
                <Text size="sm" data-testid="workspace-flag-evidence">
                  {explainFlag(flag)}
                </Text>
              </Alert>
            );
          })}
        </Stack>
      ) : (
        <Group gap={6}>
          <IconShieldCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm" c="dimmed">
            {t('classification.noFlags')}
          </Text>
        </Group>
      )}
    </WorkspaceSection>
  );
}
