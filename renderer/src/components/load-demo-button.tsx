import { Button, type ButtonProps } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useRunAction } from '../errors/use-run-action';
import { notifySuccess } from './notify';

interface LoadDemoButtonProps {
  /** Visual weight; the primary action of an empty state is filled. @default 'filled' */
  variant?: ButtonProps['variant'];
}

/** Loads the demo shop and team, then says exactly what was added. */
export function LoadDemoButton({ variant = 'filled' }: LoadDemoButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    const result = await run(() => api.call('demo.load', {}));
    setBusy(false);
    if (!result) return;
    const added = result.shopsAdded + result.staffAdded > 0;
    notifySuccess(
      t('demo.loadedTitle'),
      added ? t('demo.loadedMessage', { shops: result.shopsAdded, staff: result.staffAdded }) : t('demo.nothingAdded'),
    );
  }

  return (
    <Button variant={variant} leftSection={<IconSparkles size={18} />} loading={busy} onClick={() => void load()}>
      {t('demo.load')}
    </Button>
  );
}
