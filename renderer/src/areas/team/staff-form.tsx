import { Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/domain/roles';
import { useApi } from '../../api/api-context';
import { useSubmit } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useFieldErrors } from '../../errors/use-field-errors';
import { RoleSelect } from './role-select';

const fields = ['name', 'role'];

/** Adds a staff member. The name goes to the server as typed: it trims and validates. */
export function StaffForm() {
  const { t } = useTranslation('team');
  const api = useApi();
  const { fieldErrors, handleError, clearField, reset } = useFieldErrors(fields, 'staff');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('agent');
  const { busy, onSubmit } = useSubmit(async () => {
    const member = await api.call('staff.create', { name, role });
    reset();
    setName('');
    notifySuccess(t('added', { name: member.name }));
  }, handleError);

  return (
    <Paper withBorder radius="lg" p="lg" mb="lg" component="section" aria-labelledby="staff-form-title">
      <Title order={2} size="h5" mb="sm" id="staff-form-title">
        {t('addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('name')}
            placeholder={t('namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearField('name');
            }}
            error={fieldErrors.name}
            style={{ flex: '1 1 220px' }}
          />
          <RoleSelect
            value={role}
            onChange={(next) => {
              setRole(next);
              clearField('role');
            }}
            error={fieldErrors.role}
          />
          {/* Offset by the label height so the button lines up with the inputs. */}
          <Button type="submit" loading={busy} leftSection={<IconUserPlus size={18} />} mt={25}>
            {t('add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
