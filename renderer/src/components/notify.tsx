import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Confirms something the person did; `message` may hold an action such as Undo. */
export function notifySuccess(title: string, message: ReactNode = null, id?: string): string {
  return notifications.show({
    id,
    title,
    message,
    color: 'teal',
    icon: <IconCheck size={18} />,
    autoClose: 6000,
  });
}

/** Reports a problem that belongs to no single form field; stays until dismissed if serious. */
export function notifyError(message: string, title: string): string {
  return notifications.show({
    title,
    message,
    color: 'red',
    icon: <IconAlertTriangle size={18} />,
    autoClose: 10000,
  });
}
