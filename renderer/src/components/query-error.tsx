import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors/error-messages';

interface QueryErrorProps {
  /** What the failed load threw. */
  error: unknown;
  /** Loads again. */
  onRetry: () => void;
}

/** Inline notice for a list that could not be loaded, with a way to try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('errors.loadFailed')}>
      {errorMessage(error, i18n)}
      <Button mt="sm" size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry} display="block">
        {t('retry')}
      </Button>
    </Alert>
  );
}
