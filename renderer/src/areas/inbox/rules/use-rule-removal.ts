import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { notifySuccess } from '../../../components/notify';
import { useRunAction } from '../../../errors/use-run-action';

/** Asks, then removes a rule of either kind; the ConfirmModal props come ready to spread. */
export function useRuleRemoval(kind: 'monitor' | 'category') {
  const { t } = useTranslation('inbox');
  const api = useApi();
  const run = useRunAction();
  // Kept after the dialog closes so its text does not change during the closing animation.
  const [target, setTarget] = useState<{ id: number; name: string } | null>(null);
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!target) return;
    setBusy(true);
    const result = await run(() => api.call('rules.remove', { kind, id: target.id }));
    setBusy(false);
    setOpened(false);
    if (result) notifySuccess(t('rules.removed', { name: target.name }));
  }

  return {
    ask: (rule: { id: number; name: string }) => {
      setTarget(rule);
      setOpened(true);
    },
    modalProps: {
      opened,
      busy,
      title: t('rules.removeTitle', { name: target?.name ?? '' }),
      body: t(kind === 'monitor' ? 'rules.monitor.removeBody' : 'rules.category.removeBody'),
      confirmLabel: t('rules.remove'),
      onConfirm: () => void confirm(),
      onClose: () => setOpened(false),
    },
  };
}
