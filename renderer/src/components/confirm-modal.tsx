import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  /** Whether the dialog is shown. */
  opened: boolean;
  /** A question naming the thing affected, e.g. 删除店铺「旗舰店」？ */
  title: string;
  /** What will happen and whether it can be undone. */
  body: string;
  /** Text of the confirming button; repeats the verb of the title. */
  confirmLabel: string;
  /** Red for destructive actions. @default 'red' */
  color?: string;
  /** True while the action runs; disables closing. */
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before an action that removes or hides something. Cancel has focus first. */
export function ConfirmModal({ opened, title, body, confirmLabel, color = 'red', busy = false, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onClose} title={title} centered radius="lg">
      <Text size="sm" mb="lg">
        {body}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
          {t('cancel')}
        </Button>
        <Button color={color} onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
