import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/contract';
import type { StaffRole } from '../../../../shared/domain/roles';
import { useApi } from '../../api/api-context';
import { FormActions, FormModal, useSubmit } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useFieldErrors } from '../../errors/use-field-errors';
import { RoleSelect } from './role-select';

const fields = ['name', 'role'];

interface StaffEditModalProps {
  /** The member being edited; the modal is closed when null. */
  member: StaffMember | null;
  onClose: () => void;
}

export function StaffEditModal({ member, onClose }: StaffEditModalProps) {
  const { t } = useTranslation('team');
  return (
    <FormModal opened={member !== null} onClose={onClose} title={t('editTitle')}>
      {/* Keyed so each opening starts from the member's current values. */}
      {member ? <StaffEditForm key={member.id} member={member} onDone={onClose} /> : null}
    </FormModal>
  );
}

interface StaffEditFormProps {
  /** The member as last loaded. */
  member: StaffMember;
  /** Closes the modal after saving or cancelling. */
  onDone: () => void;
}

function StaffEditForm({ member, onDone }: StaffEditFormProps) {
  const { t } = useTranslation('team');
  const api = useApi();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields, 'staff');
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<StaffRole>(member.role);
  const { busy, onSubmit } = useSubmit(async () => {
    // Send only what changed, so an untouched field can never be the one refused.
    const changes = {
      ...(name !== member.name ? { name } : {}),
      ...(role !== member.role ? { role } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    const saved = await api.call('staff.update', { id: member.id, ...changes });
    notifySuccess(t('saved', { name: saved.name }));
    onDone();
  }, handleError);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('name')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            clearField('name');
          }}
          error={fieldErrors.name}
          data-autofocus
        />
        <RoleSelect
          value={role}
          onChange={(next) => {
            setRole(next);
            clearField('role');
          }}
          error={fieldErrors.role}
        />
        <FormActions busy={busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}
