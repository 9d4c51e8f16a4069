import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { ColorSchemeSwitch } from '../preferences/color-scheme-switch';
import { LanguageSwitch } from '../preferences/language-switch';

interface FullPageProps {
  /** Extra attributes for the outer element, e.g. a data-testid. */
  testId?: string;
  children: ReactNode;
}

/** Frame for screens shown instead of the app shell; keeps the language and theme switches. */
export function FullPage({ testId, children }: FullPageProps) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" data-testid={testId} component="main">
      <Group justify="flex-end" p="md" gap="sm">
        <LanguageSwitch />
        <ColorSchemeSwitch />
      </Group>
      <Container size={720} py="xl">
        {children}
      </Container>
    </Box>
  );
}
