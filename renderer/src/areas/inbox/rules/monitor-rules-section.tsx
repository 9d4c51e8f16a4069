import { Button, Group, Table, Text } from '@mantine/core';
import { IconBellPlus, IconBellRinging } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorRule } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyStatePanel } from '../../../components/empty-state-panel';
import { SectionCard } from '../../../components/section-card';
import { useRunAction } from '../../../errors/use-run-action';
import { LevelBadge } from '../../../components/badges/level-badge';
import { KeywordBadges } from './keyword-badges';
import { MonitorRuleModal } from './monitor-rule-modal';
import { RuleActions } from './rule-actions';
import { useRuleRemoval } from './use-rule-removal';

interface MonitorRulesSectionProps {
  rules: MonitorRule[];
}

/** 监控规则: words, levels and ratings that raise an alert the moment such a review arrives. */
export function MonitorRulesSection({ rules }: MonitorRulesSectionProps) {
  const { t } = useTranslation('inbox');
  const api = useApi();
  const run = useRunAction();
  const [editing, setEditing] = useState<MonitorRule | 'new' | null>(null);
  const removal = useRuleRemoval('monitor');

  function toggle(rule: MonitorRule, enabled: boolean) {
    void run(() => api.call('rules.saveMonitor', { ...rule, enabled }));
  }

  return (
    <SectionCard title={t('rules.monitor.title')} description={t('rules.monitor.description')}>
      <Group>
        <Button leftSection={<IconBellPlus size={18} />} onClick={() => setEditing('new')}>
          {t('rules.monitor.add')}
        </Button>
      </Group>
      {rules.length === 0 ? (
        <EmptyStatePanel compact icon={<IconBellRinging size={28} stroke={1.5} />} title={t('rules.monitor.emptyTitle')} description={t('rules.monitor.emptyDescription')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="monitor-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rules.name')}</Table.Th>
                <Table.Th>{t('rules.keywords')}</Table.Th>
                <Table.Th>{t('rules.monitor.levels')}</Table.Th>
                <Table.Th>{t('rules.monitor.maxRating')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('rules.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((rule) => (
                <Table.Tr key={rule.id} opacity={rule.enabled ? 1 : 0.6}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {rule.name}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={360}>
                    <KeywordBadges keywords={rule.keywords} />
                  </Table.Td>
                  <Table.Td>
                    {rule.levels.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('rules.monitor.anyLevel')}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {rule.levels.map((level) => (
                          <LevelBadge key={level} level={level} />
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{rule.maxRating === null ? t('rules.monitor.anyRating') : t('rules.monitor.atMost', { count: rule.maxRating })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RuleActions
                      name={rule.name}
                      enabled={rule.enabled}
                      onToggle={(enabled) => toggle(rule, enabled)}
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
      <MonitorRuleModal rule={editing} onClose={() => setEditing(null)} />
      <ConfirmModal {...removal.modalProps} />
    </SectionCard>
  );
}
