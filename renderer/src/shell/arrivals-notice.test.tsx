// @vitest-environment jsdom
import { notifications } from '@mantine/notifications';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderScreen, unexpected } from '../test/render-screen';
import { ArrivalsNotice } from './arrivals-notice';

const arrival = (counts: Partial<Record<'reviews' | 'cases' | 'alerts' | 'evidence', number>>) => ({
  reviews: 0,
  cases: 0,
  alerts: 0,
  evidence: 0,
  domains: ['reviews'],
  ...counts,
});

afterEach(() => {
  cleanup();
  notifications.clean();
});

describe('ArrivalsNotice', () => {
  it('says what another process added, in one notice that counts on while it is shown', async () => {
    const { events } = renderScreen(<ArrivalsNotice />, (method) => unexpected(method));
    act(() => events.emit('data.arrived', arrival({ reviews: 6, cases: 2 })));
    expect((await screen.findByTestId('arrivals-notice')).textContent).toBe('新导入 6 条评价、新开 2 个工单');
    act(() => events.emit('data.arrived', arrival({ reviews: 4, evidence: 1 })));
    expect(await screen.findByText('新导入 10 条评价、新开 2 个工单、新增 1 份证据')).toBeTruthy();
    expect(screen.getAllByTestId('arrivals-notice')).toHaveLength(1);
  });

  it('stays silent for a change that added nothing (a setting elsewhere), in English too', async () => {
    const { events } = renderScreen(<ArrivalsNotice />, (method) => unexpected(method), 'en');
    act(() => events.emit('data.arrived', arrival({})));
    expect(screen.queryByTestId('arrivals-notice')).toBeNull();
    act(() => events.emit('data.arrived', arrival({ alerts: 3 })));
    expect((await screen.findByTestId('arrivals-notice')).textContent).toBe('3 monitoring alert(s)');
  });
});
