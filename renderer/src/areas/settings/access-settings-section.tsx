import { Button, Group, NumberInput, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthSettings } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { OwnerOnlyNotice, useIsOwner } from './owner-only-notice';

/** 登录与审批: require sign-in, and the compensation amount above which a supervisor approves. Owner-only. */
export function AccessSettingsSection() {
  const { t } = useTranslation(['settings', 'common']);
  const api = useApi();
  const run = useRunAction();
  const owner = useIsOwner();
  const settings = useApiQuery('auth.getSettings', {}, ['auth', 'settings']);
  const data = settings.data;
  // Shown in yuan, stored in fen; null: untouched since the last load.
  const [yuan, setYuan] = useState<number | string | null>(null);

  async function update(patch: Partial<AuthSettings>) {
    const result = await run(() => api.call('auth.updateSettings', patch));
    if (!result) return;
    notifySuccess(t('access.saved'));
    setYuan(null);
    settings.reload();
  }

  if (!data) return null;
  const shown = yuan ?? data.compensationApprovalCents / 100;
  const cents = typeof shown === 'number' ? Math.round(shown * 100) : null;
  return (
    <SectionCard title={t('access.title')} description={t('access.description')}>
      <Stack gap="sm" data-testid="access-settings">
        <OwnerOnlyNotice />
        <Switch
          label={t('access.requireSignIn')}
          description={t('access.requireSignInHint')}
          checked={data.requireSignIn}
          disabled={!owner}
          onChange={(event) => void update({ requireSignIn: event.currentTarget.checked })}
        />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('access.threshold')}
            description={t('access.thresholdHint')}
            min={0}
            decimalScale={2}
            maw={260}
            value={shown}
            onChange={setYuan}
            disabled={!owner}
          />
          <Button
            variant="light"
            disabled={!owner || cents === null || cents < 0 || cents === data.compensationApprovalCents}
            onClick={() => cents !== null && void update({ compensationApprovalCents: cents })}
          >
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
