// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SegmentedChoice } from './segmented-choice';

describe('SegmentedChoice', () => {
  it('is a radio group named by its label, with the value checked, and reports the one picked', () => {
    const onChange = vi.fn();
    render(
      <SegmentedChoice
        aria-label="Sort"
        size="sm"
        value="newest"
        onChange={onChange}
        data={[
          { value: 'newest', label: 'Newest' },
          { value: 'sla_due', label: 'SLA due' },
        ]}
      />,
    );
    const group = screen.getByRole('radiogroup', { name: 'Sort' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Newest' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'SLA due' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByText('SLA due'));
    expect(onChange).toHaveBeenCalledWith('sla_due');
  });
});
