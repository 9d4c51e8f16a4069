import { Button, Group, Table, Text } from '@mantine/core';
import { IconCategoryPlus, IconRefresh, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productFamilyKey } from '../../../i18n/domain/keys';
import type { CategoryRule } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyStatePanel } from '../../../components/empty-state-panel';
import { notifySuccess } from '../../../components/notify';
import { SectionCard } from '../../../components/section-card';
import { useRunAction } from '../../../errors/use-run-action';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { CategoryRuleModal } from './category-rule-modal';
import { KeywordBadges } from './keyword-badges';
import { RuleActions } from './rule-actions';
import { useRuleRemoval } from './use-rule-removal';

interface CategoryRulesSectionProps {
  rules: CategoryRule[];
}

/** 分类规则: the lexicon the scorer reads (shared/rules/scorer.ts), one rule per category and product family. */
export function CategoryRulesSection({ rules }: CategoryRulesSectionProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const [editing, setEditing] = useState<CategoryRule | 'new' | null>(null);
  const [reclassifying, setReclassifying] = useState(false);
  const removal = useRuleRemoval('category');
  const sorted = [...rules].sort((a, b) => a.priority - b.priority || a.id - b.id);
  const nextPriority = Math.min(1000, sorted.reduce((max, rule) => Math.max(max, rule.priority), 0) + 10);

  async function reclassify() {
    setReclassifying(true);
    const result = await run(() => api.call('rules.reclassify', {}));
    setReclassifying(false);
    if (result) notifySuccess(t('rules.category.reclassified', { count: result.changed }), t('rules.category.reclassifiedHint'));
  }

  return (
    <SectionCard title={t('rules.category.title')} description={t('rules.category.description')}>
      <Group justify="space-between">
        <Button leftSection={<IconCategoryPlus size={18} />} onClick={() => setEditing('new')}>
          {t('rules.category.add')}
        </Button>
        <Button variant="light" leftSection={<IconRefresh size={18} />} loading={reclassifying} onClick={() => void reclassify()}>
          {t('rules.category.reclassify')}
        </Button>
      </Group>
      {sorted.length === 0 ? (
        <EmptyStatePanel compact icon={<IconTags size={28} stroke={1.5} />} title={t('rules.category.emptyTitle')} description={t('rules.category.emptyDescription')} />
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="category-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={72}>{t('rules.category.priority')}</Table.Th>
                <Table.Th>{t('rules.name')}</Table.Th>
                <Table.Th>{t('rules.category.category')}</Table.Th>
                <Table.Th>{t('classifier.family')}</Table.Th>
                <Table.Th>{t('rules.keywords')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('rules.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((rule) => (
                <Table.Tr key={rule.id} opacity={rule.enabled ? 1 : 0.6}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {rule.priority}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {rule.name}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={110}>
                    <CategoryBadge category={rule.category} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={rule.family === 'general' ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                      {t(productFamilyKey[rule.family])}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={380}>
                    <KeywordBadges keywords={rule.keywords} />
                  </Table.Td>
                  <Table.Td>
                    <RuleActions
                      name={rule.name}
                      enabled={rule.enabled}
                      onToggle={(enabled) => void run(() => api.call('rules.saveCategory', { ...rule, enabled }))}
                      onEdit={() => setEditing(rule)}
                      onRemove={() => removal.ask(rule)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CategoryRuleModal rule={editing} nextPriority={nextPriority} onClose={() => setEditing(null)} />
      <ConfirmModal {...removal.modalProps} />
    </SectionCard>
  );
}
