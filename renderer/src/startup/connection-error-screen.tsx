import { Button, Code, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors/error-messages';
import { FullPage } from './full-page';

interface ConnectionErrorScreenProps {
  /** Why app.status failed (refused token, server down, …). */
  error: unknown;
  /** Asks for app.status again. */
  onRetry: () => void;
  /** True while the retry is in flight. */
  retrying: boolean;
}

/** Shown when the backend cannot be asked anything at all. */
export function ConnectionErrorScreen({ error, onRetry, retrying }: ConnectionErrorScreenProps) {
  const { t, i18n } = useTranslation();
  const technical = error instanceof Error ? error.message : String(error);
  return (
    <FullPage testId="connection-error">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={56} radius="xl" color="orange" variant="light">
          <IconPlugConnectedX size={30} />
        </ThemeIcon>
        <Title order={1}>{t('startup.connectionTitle')}</Title>
        <Text c="dimmed">{t('startup.connectionIntro')}</Text>
        <Text size="lg">{errorMessage(error, i18n)}</Text>
        <Code block w="100%">
          {technical}
        </Code>
        <Button leftSection={<IconRefresh size={18} />} onClick={onRetry} loading={retrying}>
          {t('retry')}
        </Button>
      </Stack>
    </FullPage>
  );
}
