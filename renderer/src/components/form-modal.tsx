import { Button, Group, Modal, type ModalProps } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  /**
   * The form, rendered only while open and keyed by the record it edits: state is read once
   * on mount, so a form kept across openings would show the values of the last one.
   */
  children: ReactNode;
}

/** The dialog every create/edit form sits in, so they all open and close the same way. */
export function FormModal({ opened, onClose, title, size, children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered radius="lg">
      {children}
    </Modal>
  );
}

interface FormActionsProps {
  busy: boolean;
  onCancel: () => void;
  /** @default 保存 (common.save) */
  submitLabel?: string;
}

/** Cancel and submit; the submit button is the form's default, so Enter in a field saves. */
export function FormActions({ busy, onCancel, submitLabel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t('cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel ?? t('save')}
      </Button>
    </Group>
  );
}

/**
 * Runs a form's save while `busy` is shown. A failure goes to `handleError` (from useFieldErrors)
 * rather than closing the form, so the person can correct what was refused.
 */
export function useSubmit(save: () => Promise<void>, handleError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      await save();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run();
  }

  return { busy, onSubmit };
}
