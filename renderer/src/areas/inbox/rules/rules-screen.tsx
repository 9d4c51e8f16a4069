import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { InboxTabs } from '../inbox-tabs';
import { CategoryRulesSection } from './category-rules-section';
import { LearningSection } from './learning-section';
import { ClassifierSection } from './classifier-section';
import { MonitorRulesSection } from './monitor-rules-section';

/** 收件箱 › 规则: the monitoring and category rules that sort and flag incoming reviews. */
export function RulesScreen() {
  const { t } = useTranslation('inbox');
  const rules = useApiQuery('rules.list', {}, ['rules', 'demo']);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('rules.subtitle')} />
      <InboxTabs />
      {rules.error && !rules.data ? (
        <QueryError error={rules.error} onRetry={rules.reload} />
      ) : !rules.data ? (
        <Stack gap="lg">
          <Skeleton height={160} radius="lg" />
          <Skeleton height={160} radius="lg" />
        </Stack>
      ) : (
        <Stack gap="lg" maw={1180}>
          <CategoryRulesSection rules={rules.data.category} />
          <LearningSection rules={rules.data.category} />
          <ClassifierSection />
          <MonitorRulesSection rules={rules.data.monitor} />
        </Stack>
      )}
    </>
  );
}
