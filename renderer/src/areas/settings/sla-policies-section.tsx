import { Badge, Button, Checkbox, Group, Modal, MultiSelect, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../shared/contract';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { OwnerOnlyNotice, useIsOwner } from './owner-only-notice';
import { policyClock, policyClockLines } from './policy-calendar';
import { categoryKey, platformKey, roleKey } from '../../i18n/domain/keys';

/** "50, 80" → [50, 80]; null when not whole numbers 1–99 ascending. */
export function parseWarnAt(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter((part) => part !== '');
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) return null;
  if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) return null;
  return numbers;
}

function PolicyEditor({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const { t } = useTranslation(['settings', 'common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const [first, setFirst] = useState<number | string>(policy.firstResponseMinutes);
  const [resolution, setResolution] = useState<number | string>(policy.resolutionMinutes);
  const [ownerRole, setOwnerRole] = useState<StaffRole>(policy.ownerRole);
  const [warnAt, setWarnAt] = useState(policy.warnAtPercents.join(', '));
  const [escalation, setEscalation] = useState<string[]>([...policy.escalation]);
  const [businessHours, setBusinessHours] = useState(policy.businessHours);
  const [applyToOpen, setApplyToOpen] = useState(false);
  const parsedWarn = parseWarnAt(warnAt);

  async function save() {
    if (!parsedWarn || typeof first !== 'number' || typeof resolution !== 'number') return;
    const result = await run(() =>
      api.call('sla.savePolicy', {
        id: policy.id,
        category: policy.category,
        shopId: policy.shopId,
        platform: policy.platform,
        firstResponseMinutes: first,
        resolutionMinutes: resolution,
        ownerRole,
        warnAtPercents: parsedWarn,
        escalation: escalation as StaffRole[],
        pauseReasons: policy.pauseReasons,
        businessHours,
        requiresAppeal: policy.requiresAppeal,
        applyToOpenCases: applyToOpen,
      }),
    );
    if (!result) return;
    notifySuccess(t('policies.saved', { version: result.policy.version, count: result.openCasesUpdated }));
    onClose();
  }

  return (
    <Stack gap="sm">
      <Group grow>
        <NumberInput label={t('policies.firstResponse')} min={1} value={first} onChange={setFirst} />
        <NumberInput label={t('policies.resolution')} min={1} value={resolution} onChange={setResolution} />
      </Group>
      <NativeSelect
        label={t('policies.ownerRole')}
        value={ownerRole}
        onChange={(event) => setOwnerRole(event.currentTarget.value as StaffRole)}
        data={staffRoles.map((role) => ({ value: role, label: t(roleKey[role]) }))}
      />
      <TextInput
        label={t('policies.warnAt')}
        description={t('policies.warnAtHint')}
        value={warnAt}
        onChange={(event) => setWarnAt(event.currentTarget.value)}
        error={parsedWarn ? null : t('policies.badWarnAt')}
      />
      <MultiSelect
        label={t('policies.escalation')}
        data={staffRoles.map((role) => ({ value: role, label: t(roleKey[role]) }))}
        value={escalation}
        onChange={setEscalation}
      />
      <Checkbox label={t('policies.businessHours')} description={t('policies.businessHoursHint')} checked={businessHours} onChange={(event) => setBusinessHours(event.currentTarget.checked)} />
      <Checkbox
        label={t('policies.applyToOpen')}
        description={t('policies.applyToOpenHint')}
        checked={applyToOpen}
        onChange={(event) => setApplyToOpen(event.currentTarget.checked)}
        data-testid="policy-apply-open"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:cancel')}
        </Button>
        <Button onClick={() => void save()} disabled={!parsedWarn || escalation.length === 0} data-testid="policy-save">
          {t('common:save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** 时效政策: one row per category policy with its version; owner-only editing. */
export function SlaPoliciesSection() {
  const { t } = useTranslation(['settings', 'common', 'domain']);
  const owner = useIsOwner();
  const policies = useApiQuery('sla.listPolicies', {}, ['sla', 'settings']);
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  const calendars = useApiQuery('sla.listCalendars', {}, ['sla', 'settings', 'shops', 'demo']);
  const current = (policies.data?.items ?? []).filter((policy) => policy.current);
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  return (
    <SectionCard title={t('policies.title')} description={t('policies.description')}>
      <OwnerOnlyNotice />
      {policies.error && !policies.data ? <QueryError error={policies.error} onRetry={policies.reload} /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" data-testid="sla-policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('policies.category')}</Table.Th>
              <Table.Th>{t('policies.firstResponse')}</Table.Th>
              <Table.Th>{t('policies.resolution')}</Table.Th>
              <Table.Th>{t('policies.ownerRole')}</Table.Th>
              <Table.Th>{t('policies.warnAt')}</Table.Th>
              <Table.Th>{t('policies.escalation')}</Table.Th>
              <Table.Th>{t('policies.version')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((policy) => (
                <Table.Tr key={policy.id} data-testid={`policy-${policy.category}`}>
                  <Table.Td miw={260}>
                    <Text size="sm" fw={500}>
                      {t(categoryKey[policy.category])}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {policy.shopId === null && policy.platform === null ? t('policies.scopeAll') : policy.platform ? t(platformKey[policy.platform]) : ((shops.data?.items ?? []).find((shop) => shop.id === policy.shopId)?.name ?? `#${policy.shopId}`)}
                      {policy.requiresAppeal ? ` · ${t('policies.requiresAppeal')}` : ''}
                    </Text>
                    <Stack gap={0} mt={2} data-testid="policy-calendar">
                      {policyClockLines(policyClock(policy, current, shops.data?.items ?? [], calendars.data?.items ?? []), t).map((line) => (
                        <Text key={line} size="xs" c={policy.businessHours ? 'indigo' : 'dimmed'}>
                          {line}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{policy.firstResponseMinutes}</Table.Td>
                  <Table.Td>{policy.resolutionMinutes}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{t(roleKey[policy.ownerRole])}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{policy.warnAtPercents.map((p) => `${p}%`).join(' · ')}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{policy.escalation.map((role) => t(roleKey[role])).join(' → ')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" color="gray" tt="none" radius="sm">
                      {t('policies.versionValue', { version: policy.version })}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('policies.openCases', { count: policy.openCases })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" disabled={!owner} onClick={() => setEditing(policy)}>
                      {t('policies.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('policies.editTitle', { category: t(categoryKey[editing.category]) }) : ''}
        size="lg"
      >
        {editing ? <PolicyEditor policy={editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </SectionCard>
  );
}
