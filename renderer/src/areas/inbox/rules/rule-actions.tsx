import { ActionIcon, Group, Switch, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface RuleActionsProps {
  /** The rule's name, for the buttons' accessible names. */
  name: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** Enable switch, edit and remove for one rule row. */
export function RuleActions({ name, enabled, onToggle, onEdit, onRemove }: RuleActionsProps) {
  const { t } = useTranslation('inbox');
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Switch size="sm" checked={enabled} onChange={(event) => onToggle(event.currentTarget.checked)} aria-label={t('rules.enableAria', { name })} />
      <Tooltip label={t('rules.edit')}>
        <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('rules.editAria', { name })}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('rules.remove')}>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('rules.removeAria', { name })}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
