import { Checkbox, Group, NativeSelect, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorRule } from '../../../../../shared/contract';
import { reviewLevels, type ReviewLevel } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { FormActions, FormModal, useSubmit } from '../../../components/form-modal';
import { notifySuccess } from '../../../components/notify';
import { useFieldErrors } from '../../../errors/use-field-errors';
import { levelKey } from '../../../i18n/domain/keys';

const fields = ['name', 'keywords', 'levels', 'maxRating', 'enabled'];

interface MonitorRuleModalProps {
  /** The rule to edit, 'new' for a new one, or null when closed. */
  rule: MonitorRule | 'new' | null;
  onClose: () => void;
}

/** Edits a monitoring rule: which words, levels and ratings raise an alert. */
export function MonitorRuleModal({ rule, onClose }: MonitorRuleModalProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  return (
    <FormModal opened={rule !== null} onClose={onClose} title={rule === 'new' ? t('rules.monitor.addTitle') : t('rules.monitor.editTitle')} size="lg">
      {rule ? <MonitorRuleForm key={rule === 'new' ? 'new' : rule.id} rule={rule === 'new' ? null : rule} onDone={onClose} /> : null}
    </FormModal>
  );
}

interface MonitorRuleFormProps {
  /** null for a new rule. */
  rule: MonitorRule | null;
  onDone: () => void;
}

function MonitorRuleForm({ rule, onDone }: MonitorRuleFormProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields);
  const [name, setName] = useState(rule?.name ?? '');
  const [keywords, setKeywords] = useState<string[]>(rule?.keywords ?? []);
  const [levels, setLevels] = useState<ReviewLevel[]>(rule?.levels ?? ['bad']);
  const [maxRating, setMaxRating] = useState(rule?.maxRating ? String(rule.maxRating) : '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const { busy, onSubmit } = useSubmit(async () => {
    const saved = await api.call('rules.saveMonitor', {
      ...(rule ? { id: rule.id } : {}),
      name,
      keywords,
      levels,
      maxRating: maxRating === '' ? null : Number(maxRating),
      enabled,
    });
    notifySuccess(t('rules.saved', { name: saved.name }));
    onDone();
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('rules.name')}
          placeholder={t('rules.monitor.namePlaceholder')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearField('name');
          }}
          error={fieldErrors.name}
          data-autofocus
        />
        <TagsInput
          label={t('rules.keywords')}
          description={t('rules.keywordsHint')}
          placeholder={t('rules.keywordsPlaceholder')}
          value={keywords}
          onChange={(next) => {
            setKeywords(next);
            clearField('keywords');
          }}
          splitChars={[',', '，', '、', ' ']}
          clearable
          error={fieldErrors.keywords}
        />
        <Checkbox.Group
          label={t('rules.monitor.levels')}
          description={t('rules.monitor.levelsHint')}
          value={levels}
          onChange={(next) => setLevels(next as ReviewLevel[])}
          error={fieldErrors.levels}
        >
          <Group mt={6}>
            {reviewLevels.map((level) => (
              <Checkbox key={level} value={level} label={t(levelKey[level])} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('rules.monitor.maxRating')}
          value={maxRating}
          onChange={(event) => setMaxRating(event.currentTarget.value)}
          data={[{ value: '', label: t('rules.monitor.anyRating') }, ...['1', '2', '3', '4', '5'].map((value) => ({ value, label: t('rules.monitor.atMost', { count: Number(value) }) }))]}
          error={fieldErrors.maxRating}
          maw={240}
        />
        <Switch label={t('rules.enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <FormActions busy={busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}
