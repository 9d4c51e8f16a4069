import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface StatProps {
  label: string;
  value: number;
  /** Tints the number (teal for good news, red for problems). */
  color?: string;
}

/** One count of an import, big enough to read at a glance. */
export function Stat({ label, value, color }: StatProps) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Paper>
  );
}
