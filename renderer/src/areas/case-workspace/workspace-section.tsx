import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface WorkspaceSectionProps {
  title: ReactNode;
  /** Shown at the right of the title. */
  aside?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One panel of the case workspace; later features (plans, scripts, appeals) add panels like it. */
export function WorkspaceSection({ title, aside, testId, children }: WorkspaceSectionProps) {
  return (
    <Paper withBorder radius="lg" p="md" component="section" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h5">
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** A label and its value on one line, the value wrapping under long labels. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size="sm" c="dimmed" miw={96} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Group>
  );
}
