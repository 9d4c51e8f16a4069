import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformIds, type PlatformId } from '../../../../shared/domain/platforms';
import { productFamilies, type ProductFamily } from '../../../../shared/domain/reviews';
import { useApi } from '../../api/api-context';
import { useSubmit } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useFieldErrors } from '../../errors/use-field-errors';
import { platformKey, productFamilyKey } from '../../i18n/domain/keys';

const fields = ['platform', 'name', 'productFamily'];

/** Adds a shop. The name goes to the server as typed: it trims and validates. */
export function ShopForm() {
  const { t } = useTranslation(['settings', 'domain']);
  const api = useApi();
  const { fieldErrors, handleError, clearField, reset } = useFieldErrors(fields, 'shops');
  const [platform, setPlatform] = useState<PlatformId>('taobao');
  const [name, setName] = useState('');
  const [family, setFamily] = useState<ProductFamily | ''>('');
  const { busy, onSubmit } = useSubmit(async () => {
    const shop = await api.call('shops.create', { platform, name, productFamily: family === '' ? null : family });
    reset();
    setName('');
    notifySuccess(t('shops.added', { name: shop.name }));
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-start" gap="md" wrap="wrap">
        <NativeSelect
          label={t('shops.platform')}
          value={platform}
          onChange={(event) => {
            setPlatform(event.currentTarget.value as PlatformId);
            clearField('platform');
          }}
          data={platformIds.map((id) => ({ value: id, label: t(platformKey[id]) }))}
          error={fieldErrors.platform}
          miw={140}
        />
        <TextInput
          label={t('shops.name')}
          placeholder={t('shops.namePlaceholder')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearField('name');
          }}
          error={fieldErrors.name}
          style={{ flex: '1 1 240px' }}
        />
        <NativeSelect
          label={t('shops.family')}
          title={t('shops.familyHint')}
          value={family}
          onChange={(event) => setFamily(event.currentTarget.value as ProductFamily | '')}
          data={[{ value: '', label: t('domain:allFamilies') }, ...productFamilies.filter((value) => value !== 'general').map((value) => ({ value, label: t(productFamilyKey[value]) }))]}
          error={fieldErrors.productFamily}
          miw={160}
        />
        {/* Offset by the label height so the button lines up with the inputs. */}
        <Button type="submit" loading={busy} leftSection={<IconBuildingStore size={18} />} mt={25}>
          {t('shops.add')}
        </Button>
      </Group>
    </form>
  );
}
