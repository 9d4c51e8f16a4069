import { Button, Stack, Text } from '@mantine/core';

interface ToastBodyProps {
  /** A line or two about it; none for a group (its title says it all). */
  text?: string | null;
  actionLabel: string;
  onAction: () => void;
}

/** The body of every notification toast: what it is about, and one button that opens it. */
export function ToastBody({ text, actionLabel, onAction }: ToastBodyProps) {
  return (
    <Stack gap={4}>
      {text ? (
        <Text size="sm" lineClamp={2}>
          {text}
        </Text>
      ) : null}
      <Button size="compact-xs" variant="light" w="fit-content" onClick={onAction}>
        {actionLabel}
      </Button>
    </Stack>
  );
}
