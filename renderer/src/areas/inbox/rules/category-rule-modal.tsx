import { NativeSelect, NumberInput, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryRule } from '../../../../../shared/contract';
import { caseCategories, productFamilies, type CaseCategory, type ProductFamily } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { FormActions, FormModal, useSubmit } from '../../../components/form-modal';
import { notifySuccess } from '../../../components/notify';
import { useFieldErrors } from '../../../errors/use-field-errors';
import { categoryKey, productFamilyKey } from '../../../i18n/domain/keys';

const fields = ['name', 'category', 'keywords', 'priority', 'enabled', 'family'];

interface CategoryRuleModalProps {
  /** The rule to edit, 'new' for a new one, or null when closed. */
  rule: CategoryRule | 'new' | null;
  /** Priority offered for a new rule: after the existing ones. */
  nextPriority: number;
  onClose: () => void;
}

/** Edits a category rule: which words put a case in which category, and in what order rules run. */
export function CategoryRuleModal({ rule, nextPriority, onClose }: CategoryRuleModalProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  return (
    <FormModal opened={rule !== null} onClose={onClose} title={rule === 'new' ? t('rules.category.addTitle') : t('rules.category.editTitle')} size="lg">
      {rule ? (
        <CategoryRuleForm key={rule === 'new' ? 'new' : rule.id} rule={rule === 'new' ? null : rule} nextPriority={nextPriority} onDone={onClose} />
      ) : null}
    </FormModal>
  );
}

interface CategoryRuleFormProps {
  rule: CategoryRule | null;
  nextPriority: number;
  onDone: () => void;
}

function CategoryRuleForm({ rule, nextPriority, onDone }: CategoryRuleFormProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields);
  const [name, setName] = useState(rule?.name ?? '');
  const [category, setCategory] = useState<CaseCategory>(rule?.category ?? 'logistics');
  const [keywords, setKeywords] = useState<string[]>(rule?.keywords ?? []);
  const [priority, setPriority] = useState<number>(rule?.priority ?? nextPriority);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [family, setFamily] = useState<ProductFamily>(rule?.family ?? 'general');
  const { busy, onSubmit } = useSubmit(async () => {
    const saved = await api.call('rules.saveCategory', { ...(rule ? { id: rule.id } : {}), name, category, keywords, priority, enabled, family });
    notifySuccess(t('rules.saved', { name: saved.name }), t('rules.category.savedHint'));
    onDone();
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('rules.name')}
            placeholder={t('rules.category.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearField('name');
            }}
            error={fieldErrors.name}
            data-autofocus
          />
          <NativeSelect
            label={t('rules.category.category')}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value as CaseCategory)}
            data={caseCategories.map((value) => ({ value, label: t(categoryKey[value]) }))}
            error={fieldErrors.category}
          />
        </SimpleGrid>
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
        <SimpleGrid cols={2} spacing="sm">
          <NativeSelect
            label={t('classifier.family')}
            description={t('classifier.familyHint')}
            value={family}
            onChange={(event) => setFamily(event.currentTarget.value as ProductFamily)}
            data={productFamilies.map((value) => ({ value, label: t(productFamilyKey[value]) }))}
            error={fieldErrors.family}
          />
          <NumberInput
            label={t('rules.category.priority')}
            description={t('rules.category.priorityHint')}
            value={priority}
            onChange={(value) => setPriority(typeof value === 'number' ? value : Number(value) || 0)}
            min={0}
            max={1000}
            allowDecimal={false}
            error={fieldErrors.priority}
          />
        </SimpleGrid>
        <Switch label={t('rules.enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <FormActions busy={busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}
