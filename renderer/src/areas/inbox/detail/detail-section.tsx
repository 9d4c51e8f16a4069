import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface DetailSectionProps {
  /** Small heading above the block. */
  title: string;
  children: ReactNode;
  testId?: string;
}

/** One titled block of the detail pane. */
export function DetailSection({ title, children, testId }: DetailSectionProps) {
  return (
    <Stack gap={6} component="section" aria-label={title} data-testid={testId}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

interface FactProps {
  label: string;
  children: ReactNode;
}

/** A label and its value on one line. */
export function Fact({ label, children }: FactProps) {
  return (
    <Text size="sm" component="div" style={{ display: 'flex', gap: 8 }}>
      <Text span size="sm" c="dimmed" miw={72} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text span size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Text>
  );
}
