import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../components/notify';
import { splitErrors, type ErrorScope } from './error-messages';

/**
 * Form error state: server issues go inline on the matching field, everything else becomes a
 * notification. The raw error is kept (not its words) so a language switch re-words the
 * field errors already on screen.
 */
export function useFieldErrors(fields: readonly string[], scope?: ErrorScope) {
  const { i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [cleared, setCleared] = useState<readonly string[]>([]);
  // Callers pass array literals; depend on the contents, not the identity.
  const fieldsKey = fields.join(',');

  const fieldErrors = error ? splitErrors(error, fields, i18n, scope).fieldErrors : {};
  for (const field of cleared) delete fieldErrors[field];

  /** Shows `cause` inline where possible and as a notification otherwise. */
  const handleError = useCallback(
    (cause: unknown) => {
      const { remaining } = splitErrors(cause, fieldsKey.split(','), i18n, scope);
      setError(cause);
      setCleared([]);
      if (remaining) notifyError(remaining, i18n.t('errors.title'));
    },
    [fieldsKey, i18n, scope],
  );

  /** Forgets the error on one field, e.g. once the person edits it. */
  const clearField = useCallback((field: string) => {
    setCleared((list) => (list.includes(field) ? list : [...list, field]));
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setCleared([]);
  }, []);

  return { fieldErrors, handleError, clearField, reset };
}
