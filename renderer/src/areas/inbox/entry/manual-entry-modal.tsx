import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../../../shared/contract';
import { reviewLevels, type ReviewLevel } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { FormActions, FormModal, useSubmit } from '../../../components/form-modal';
import { notifySuccess } from '../../../components/notify';
import { useFieldErrors } from '../../../errors/use-field-errors';
import { epochToZonedInput, zonedInputToEpoch } from '../../../format/date-time';
import { usePreferences } from '../../../preferences/preferences-context';
import { levelKey, platformKey } from '../../../i18n/domain/keys';

const fields = ['shopId', 'orderNo', 'text', 'level', 'rating', 'buyerNick', 'product', 'sku', 'postedAt'];

interface ManualEntryModalProps {
  opened: boolean;
  shops: Shop[];
  onClose: () => void;
  /** Called after the review was stored, so the list shows it. */
  onCreated: () => void;
}

/** 手动录入: one review typed in by hand, e.g. from a phone screenshot or a call. */
export function ManualEntryModal({ opened, shops, onClose, onCreated }: ManualEntryModalProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  return (
    <FormModal opened={opened} onClose={onClose} title={t('manual.title')} size="lg">
      {/* Mounted per opening so the form starts empty with the current time. */}
      {opened ? <ManualEntryForm shops={shops} onDone={onClose} onCreated={onCreated} /> : null}
    </FormModal>
  );
}

interface ManualEntryFormProps {
  shops: Shop[];
  onDone: () => void;
  onCreated: () => void;
}

function ManualEntryForm({ shops, onDone, onCreated }: ManualEntryFormProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const api = useApi();
  const { timeZone } = usePreferences();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields);
  // Lazy initial state: read the clock once, when the form opens.
  const [values, setValues] = useState(() => ({
    shopId: shops.length === 1 ? String(shops[0]!.id) : '',
    orderNo: '',
    text: '',
    level: 'bad' as ReviewLevel | '',
    rating: '',
    buyerNick: '',
    product: '',
    sku: '',
    postedAt: epochToZonedInput(Date.now(), timeZone),
  }));

  function set<K extends keyof typeof values>(field: K, value: (typeof values)[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    clearField(field);
  }

  const { busy, onSubmit } = useSubmit(async () => {
    // Optional fields left blank are left out; the backend trims and validates the rest.
    const optional = (value: string) => (value.trim() === '' ? undefined : value);
    const review = await api.call('reviews.create', {
      shopId: Number(values.shopId) || 0,
      orderNo: optional(values.orderNo),
      text: values.text,
      level: values.level === '' ? undefined : values.level,
      rating: values.rating === '' ? undefined : Number(values.rating),
      buyerNick: optional(values.buyerNick),
      product: optional(values.product),
      sku: optional(values.sku),
      postedAt: zonedInputToEpoch(values.postedAt, timeZone) ?? -1,
    });
    notifySuccess(t('manual.created'), t(levelKey[review.level]));
    onCreated();
    onDone();
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <NativeSelect
            label={t('import.shop')}
            value={values.shopId}
            onChange={(event) => set('shopId', event.currentTarget.value)}
            data={[
              { value: '', label: t('common:chooseShop'), disabled: true },
              ...shops.map((shop) => ({ value: String(shop.id), label: t('common:shopOption', { shop: shop.name, platform: t(platformKey[shop.platform]) }) })),
            ]}
            error={fieldErrors.shopId}
            withAsterisk
          />
          <TextInput
            label={t('fields.postedAt')}
            type="datetime-local"
            value={values.postedAt}
            onChange={(event) => set('postedAt', event.currentTarget.value)}
            error={fieldErrors.postedAt}
            withAsterisk
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.text')}
          value={values.text}
          onChange={(event) => set('text', event.currentTarget.value)}
          error={fieldErrors.text}
          autosize
          minRows={3}
          maxRows={8}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={2} spacing="sm">
          <NativeSelect
            label={t('fields.level')}
            description={t('manual.levelOrRating')}
            value={values.level}
            onChange={(event) => set('level', event.currentTarget.value as ReviewLevel | '')}
            data={[{ value: '', label: t('manual.fromRating') }, ...reviewLevels.map((level) => ({ value: level, label: t(levelKey[level]) }))]}
            error={fieldErrors.level}
          />
          <NativeSelect
            label={t('fields.rating')}
            description={t('manual.ratingHint')}
            value={values.rating}
            onChange={(event) => set('rating', event.currentTarget.value)}
            data={[{ value: '', label: t('common:none') }, ...['1', '2', '3', '4', '5'].map((value) => ({ value, label: t('manual.stars', { count: Number(value) }) }))]}
            error={fieldErrors.rating}
          />
          <TextInput label={t('fields.orderNo')} value={values.orderNo} onChange={(event) => set('orderNo', event.currentTarget.value)} error={fieldErrors.orderNo} />
          <TextInput label={t('fields.buyerNick')} value={values.buyerNick} onChange={(event) => set('buyerNick', event.currentTarget.value)} error={fieldErrors.buyerNick} />
          <TextInput label={t('fields.product')} value={values.product} onChange={(event) => set('product', event.currentTarget.value)} error={fieldErrors.product} />
          <TextInput label={t('fields.sku')} value={values.sku} onChange={(event) => set('sku', event.currentTarget.value)} error={fieldErrors.sku} />
        </SimpleGrid>
        <FormActions busy={busy} onCancel={onDone} submitLabel={t('manual.submit')} />
      </Stack>
    </form>
  );
}
