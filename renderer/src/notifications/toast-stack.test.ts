import { describe, expect, it } from 'vitest';
import type { NotificationData } from '@mantine/notifications';
import { ToastStack, toastAutoCloseMs } from './toast-stack';

function recordingPort() {
  const shown = new Map<string, NotificationData>();
  const port = {
    show: (data: NotificationData) => void shown.set(String(data.id), data),
    update: (data: NotificationData) => void shown.set(String(data.id), { ...shown.get(String(data.id))!, ...data }),
    hide: (id: string) => void shown.delete(id),
  };
  return { port, shown };
}

describe('ToastStack', () => {
  it('keeps at most three, pushing the oldest out rather than queueing the new one', () => {
    const { port, shown } = recordingPort();
    const stack = new ToastStack(port);
    for (let i = 1; i <= 10; i++) stack.show({ key: `case-${i}`, urgent: true, title: `#${i}`, message: '' });
    expect([...shown.keys()]).toEqual(['case-8', 'case-9', 'case-10']);
    expect(stack.keys()).toEqual(['case-8', 'case-9', 'case-10']);
  });

  it('lets every toast close by itself except the newest urgent one', () => {
    const { port, shown } = recordingPort();
    const stack = new ToastStack(port);
    stack.show({ key: 'case-1', urgent: true, title: 'breach 1', message: '' });
    expect(shown.get('case-1')?.autoClose).toBe(false);
    stack.show({ key: 'case-2', urgent: false, title: 'warning 2', message: '' });
    expect(shown.get('case-2')?.autoClose).toBe(toastAutoCloseMs);
    expect(shown.get('case-1')?.autoClose).toBe(false);
    stack.show({ key: 'case-3', urgent: true, title: 'breach 3', message: '' });
    expect(shown.get('case-1')?.autoClose).toBe(toastAutoCloseMs);
    expect(shown.get('case-3')?.autoClose).toBe(false);
  });

  it('replaces a case\'s warning with its breach in place', () => {
    const { port, shown } = recordingPort();
    const stack = new ToastStack(port);
    stack.show({ key: 'case-7', urgent: false, title: 'warning 7', message: '' });
    stack.show({ key: 'case-8', urgent: false, title: 'warning 8', message: '' });
    stack.show({ key: 'case-7', urgent: true, title: 'breach 7', message: '' });
    expect(shown.size).toBe(2);
    expect(shown.get('case-7')).toMatchObject({ title: 'breach 7', autoClose: false });
    expect(stack.keys()).toEqual(['case-8', 'case-7']);
    // Closed by the person (or by time): forgotten, so it does not count against the three.
    shown.get('case-8')!.onClose!(shown.get('case-8')!);
    expect(stack.keys()).toEqual(['case-7']);
  });
});
