import { EmptyState, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStatePanelProps {
  /** Tabler icon element shown in a tinted circle. */
  icon: ReactNode;
  /** One short line saying what is missing. */
  title: string;
  /** One or two sentences on what will live here and how to get started. */
  description: ReactNode;
  /** Buttons that get the person going (add, load demo data). */
  actions?: ReactNode;
  /** Smaller and without its own frame, for use inside a section card. @default false */
  compact?: boolean;
}

/** The one empty state used by every area, so they all look and read alike. */
export function EmptyStatePanel({ icon, title, description, actions, compact = false }: EmptyStatePanelProps) {
  const content = (
    <EmptyState
      variant="light"
      size={compact ? 'md' : 'lg'}
      icon={icon}
      title={title}
      description={description}
      maw={560}
      mx="auto"
      py={compact ? 'lg' : 0}
    >
      {actions ? (
        <EmptyState.Actions>
          <Group justify="center">{actions}</Group>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
  if (compact) return content;
  return (
    <Paper withBorder radius="lg" py={56} px="xl">
      {content}
    </Paper>
  );
}
