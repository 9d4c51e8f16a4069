import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../../shared/contract';
import { productFamilies, type ProductFamily } from '../../../../shared/domain/reviews';
import { productFamilyKey } from '../../i18n/domain/keys';
import { useApi } from '../../api/api-context';
import { FormActions, FormModal, useSubmit } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useFieldErrors } from '../../errors/use-field-errors';

const fields = ['name'];

interface ShopRenameModalProps {
  /** The shop being renamed; the modal is closed when null. */
  shop: Shop | null;
  onClose: () => void;
}

export function ShopRenameModal({ shop, onClose }: ShopRenameModalProps) {
  const { t } = useTranslation('settings');
  return (
    <FormModal opened={shop !== null} onClose={onClose} title={t('shops.renameTitle')}>
      {/* Keyed so each opening starts from the shop's current name. */}
      {shop ? <ShopRenameForm key={shop.id} shop={shop} onDone={onClose} /> : null}
    </FormModal>
  );
}

interface ShopRenameFormProps {
  /** The shop as last loaded. */
  shop: Shop;
  /** Closes the modal after saving or cancelling. */
  onDone: () => void;
}

function ShopRenameForm({ shop, onDone }: ShopRenameFormProps) {
  const { t } = useTranslation(['settings', 'domain']);
  const api = useApi();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields, 'shops');
  const [name, setName] = useState(shop.name);
  const [family, setFamily] = useState<ProductFamily | ''>(shop.productFamily ?? '');
  const { busy, onSubmit } = useSubmit(async () => {
    const productFamily = family === '' ? null : family;
    if (name === shop.name && productFamily === shop.productFamily) {
      onDone();
      return;
    }
    const saved = await api.call('shops.update', { id: shop.id, name, productFamily });
    if (saved.name !== shop.name) notifySuccess(t('shops.renamed', { name: saved.name }));
    else notifySuccess(t('shops.familyChanged', { name: saved.name, family: productFamily ? t(productFamilyKey[productFamily]) : t('domain:allFamilies') }));
    onDone();
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('shops.name')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearField('name');
          }}
          error={fieldErrors.name}
          data-autofocus
        />
        <NativeSelect
          label={t('shops.family')}
          description={t('shops.familyHint')}
          value={family}
          onChange={(event) => setFamily(event.currentTarget.value as ProductFamily | '')}
          data={[{ value: '', label: t('domain:allFamilies') }, ...productFamilies.filter((value) => value !== 'general').map((value) => ({ value, label: t(productFamilyKey[value]) }))]}
        />
        <FormActions busy={busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}
