import { Avatar, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/contract';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { RoleBadge } from '../../components/badges/role-badge';

interface StaffTableProps {
  /** Members to list, in the order the server returned them. */
  members: StaffMember[];
  /** Opens the edit dialog for one member. */
  onEdit: (member: StaffMember) => void;
  /** Opens the PIN dialog for one member. */
  onSetPin: (member: StaffMember) => void;
  /** Asks to deactivate an active member or reactivate an inactive one. */
  onToggleActive: (member: StaffMember) => void;
}

export function StaffTable({ members, onEdit, onSetPin, onToggleActive }: StaffTableProps) {
  const { t } = useTranslation('team');
  const { timeZone, language } = usePreferences();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="staff-table" highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('colName')}</Table.Th>
            <Table.Th>{t('colRole')}</Table.Th>
            <Table.Th>{t('colStatus')}</Table.Th>
            <Table.Th>{t('colCreated')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid={`staff-row-${member.id}`} opacity={member.active ? 1 : 0.65}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar name={member.name} color="initials" size="sm" aria-hidden />
                  <Text fw={500} size="sm">
                    {member.name}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={member.role} />
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={member.active ? 'teal' : 'gray'} tt="none">
                  {member.active ? t('active') : t('inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(member.createdAt, timeZone, language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => onEdit(member)}
                    aria-label={t('editAria', { name: member.name })}
                  >
                    {t('edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconKey size={14} />}
                    onClick={() => onSetPin(member)}
                    aria-label={t('pin.actionAria', { name: member.name })}
                    disabled={!member.active}
                  >
                    {t('pin.action')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={member.active ? 'red' : 'teal'}
                    leftSection={member.active ? <IconUserOff size={14} /> : <IconUserCheck size={14} />}
                    onClick={() => onToggleActive(member)}
                    aria-label={t(member.active ? 'deactivateAria' : 'reactivateAria', { name: member.name })}
                  >
                    {member.active ? t('deactivate') : t('reactivate')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
