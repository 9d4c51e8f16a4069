import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../components/notify';
import { errorMessage, splitErrors } from './error-messages';

/**
 * For actions without a form (remove, backup, load demo): shows any failure as a notification
 * and resolves to undefined, so callers only handle the success path.
 */
export function useRunAction() {
  const { i18n } = useTranslation();
  return useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await action();
      } catch (error) {
        const { remaining } = splitErrors(error, [], i18n);
        notifyError(remaining ?? errorMessage(error, i18n), i18n.t('errors.title'));
        return undefined;
      }
    },
    [i18n],
  );
}
