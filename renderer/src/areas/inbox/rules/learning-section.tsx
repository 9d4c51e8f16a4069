import { Badge, Button, Group, Loader, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryRule, KeywordSuggestionItem } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { EmptyStatePanel } from '../../../components/empty-state-panel';
import { notifySuccess } from '../../../components/notify';
import { QueryError } from '../../../components/query-error';
import { SectionCard } from '../../../components/section-card';
import { useRunAction } from '../../../errors/use-run-action';
import { formatDateTime } from '../../../format/date-time';
import { categoryKey } from '../../../i18n/domain/keys';
import { usePreferences } from '../../../preferences/preferences-context';

interface LearningSectionProps {
  /** The category rules (rules.list): a suggestion is added to one of them with rules.saveCategory. */
  rules: CategoryRule[];
}

/** 从人工改分类中学习: the learned model's state and the keywords recent corrections suggest. */
export function LearningSection({ rules }: LearningSectionProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const { timeZone, language } = usePreferences();
  const state = useApiQuery('rules.getModelState', {}, ['rules', 'reviews']);
  const suggestions = useApiQuery('rules.listKeywordSuggestions', {}, ['rules', 'reviews']);
  const [adding, setAdding] = useState<string | null>(null);
  const nextPriority = Math.min(1000, rules.reduce((max, rule) => Math.max(max, rule.priority), 0) + 10);
  // The first training (at start) announces nothing: ask again while it is not done.
  const untrained = state.data !== undefined && (!state.data.trained || state.data.training);
  const reloadState = state.reload;
  useEffect(() => {
    if (!untrained) return;
    const timer = setTimeout(reloadState, 1000);
    return () => clearTimeout(timer);
  }, [untrained, reloadState, state.data]);

  async function add(item: KeywordSuggestionItem) {
    const key = `${item.category}:${item.keyword}`;
    setAdding(key);
    const rule = rules.find((candidate) => candidate.id === item.ruleId);
    const category = t(categoryKey[item.category]);
    const saved = await run(() =>
      rule
        ? api.call('rules.saveCategory', { ...rule, keywords: [...rule.keywords, item.keyword] })
        : api.call('rules.saveCategory', { name: t('rules.learning.newRuleName', { category }).slice(0, 40), category: item.category, keywords: [item.keyword], priority: nextPriority, enabled: true }),
    );
    setAdding(null);
    if (saved) notifySuccess(t('rules.learning.added', { keyword: item.keyword, rule: saved.name }), t('rules.learning.addedHint'));
  }

  const model = state.data;
  return (
    <SectionCard title={t('rules.learning.title')} description={t('rules.learning.description')}>
      {state.error && !model ? (
        <QueryError error={state.error} onRetry={state.reload} />
      ) : !model ? (
        <Skeleton height={20} width={360} />
      ) : (
        <Group gap="md" data-testid="model-state">
          {model.trained ? (
            <>
              <Text size="sm">{t('rules.learning.examples', { count: model.exampleCount, builtIn: model.builtInCount, corrections: model.correctionCount })}</Text>
              {model.trainedAt !== null ? (
                <Text size="sm" c="dimmed">
                  {t('rules.learning.trainedAt', { time: formatDateTime(model.trainedAt, timeZone, language), ms: model.durationMs ?? 0 })}
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('rules.learning.notTrained')}
            </Text>
          )}
          {model.training || model.pending ? (
            <Badge variant="light" leftSection={<Loader size={10} />}>
              {t('rules.learning.training')}
            </Badge>
          ) : null}
        </Group>
      )}
      <Title order={3} size="h5">
        {t('rules.learning.suggestionsTitle')}
      </Title>
      {suggestions.error && !suggestions.data ? (
        <QueryError error={suggestions.error} onRetry={suggestions.reload} />
      ) : !suggestions.data ? (
        <Skeleton height={80} radius="md" />
      ) : suggestions.data.suggestions.length === 0 ? (
        <EmptyStatePanel
          compact
          icon={<IconBulb size={28} stroke={1.5} />}
          title={t('rules.learning.emptyTitle')}
          description={suggestions.data.correctionCount === 0 ? t('rules.learning.emptyNoCorrections') : t('rules.learning.emptyNothing', { count: suggestions.data.correctionCount })}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="keyword-suggestions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rules.learning.keyword')}</Table.Th>
                <Table.Th>{t('rules.learning.category')}</Table.Th>
                <Table.Th>{t('rules.learning.catches')}</Table.Th>
                <Table.Th>{t('rules.learning.elsewhere')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('rules.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suggestions.data.suggestions.map((item) => {
                const key = `${item.category}:${item.keyword}`;
                const category = t(categoryKey[item.category]);
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Badge variant="outline" radius="sm" tt="none">
                        {item.keyword}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <CategoryBadge category={item.category} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('rules.learning.catchesValue', { catches: item.catches, corrections: item.corrections })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {`${(item.elsewhere * 100).toFixed(1)}%`}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        loading={adding === key}
                        disabled={adding !== null && adding !== key}
                        aria-label={item.ruleName ? t('rules.learning.addAria', { keyword: item.keyword, rule: item.ruleName }) : t('rules.learning.addNewAria', { keyword: item.keyword, category })}
                        onClick={() => void add(item)}
                      >
                        {item.ruleName ? t('rules.learning.add', { rule: item.ruleName }) : t('rules.learning.addNew')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
