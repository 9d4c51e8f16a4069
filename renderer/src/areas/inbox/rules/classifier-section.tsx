import { Button, Group, NumberInput, Skeleton } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierSettings } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { notifySuccess } from '../../../components/notify';
import { QueryError } from '../../../components/query-error';
import { SectionCard } from '../../../components/section-card';
import { useRunAction } from '../../../errors/use-run-action';

/** 待确认门槛: how sure the scorer must be before a negative review skips the needs-review queue. */
export function ClassifierSection() {
  const { t } = useTranslation('inbox');
  const settings = useApiQuery('rules.getClassifier', {}, ['rules']);
  return (
    <SectionCard title={t('classifier.title')} description={t('classifier.description')}>
      {settings.error && !settings.data ? (
        <QueryError error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Skeleton height={60} radius="md" />
      ) : (
        <ThresholdForm key={settings.data.needsReviewThreshold} settings={settings.data} />
      )}
    </SectionCard>
  );
}

function ThresholdForm({ settings }: { settings: ClassifierSettings }) {
  const { t } = useTranslation(['inbox', 'common']);
  const api = useApi();
  const run = useRunAction();
  const [percent, setPercent] = useState(Math.round(settings.needsReviewThreshold * 100));
  const [busy, setBusy] = useState(false);
  const changed = percent !== Math.round(settings.needsReviewThreshold * 100);

  async function save() {
    setBusy(true);
    const saved = await run(() => api.call('rules.saveClassifier', { needsReviewThreshold: percent / 100 }));
    setBusy(false);
    if (saved) notifySuccess(t('classifier.saved', { percent: Math.round(saved.needsReviewThreshold * 100) }), t('classifier.savedHint'));
  }

  return (
    <Group align="flex-end" gap="sm">
      <NumberInput
        label={t('classifier.threshold')}
        description={t('classifier.thresholdHint')}
        value={percent}
        onChange={(value) => setPercent(Math.min(95, Math.max(0, typeof value === 'number' ? value : Number(value) || 0)))}
        min={0}
        max={95}
        allowDecimal={false}
        w={360}
        data-testid="needs-review-threshold"
      />
      <Button leftSection={<IconDeviceFloppy size={18} />} disabled={!changed} loading={busy} onClick={() => void save()}>
        {t('common:save')}
      </Button>
    </Group>
  );
}
