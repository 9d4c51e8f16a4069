import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../notify';
import { useRunAction } from '../../errors/use-run-action';

interface ManifestMenuProps {
  /** The case whose linked evidence the manifest lists. */
  caseId: string;
}

/** Saves a Blob as a file through the browser's download (works in the app and the harness). */
function download(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 导出哈希清单: every evidence item linked to the case with its SHA-256, as CSV or JSON. */
export function ManifestMenu({ caseId }: ManifestMenuProps) {
  const { t } = useTranslation('evidence');
  const api = useApi();
  const run = useRunAction();
  const [busy, setBusy] = useState(false);
  async function exportAs(format: 'csv' | 'json') {
    setBusy(true);
    const result = await run(() => api.call('evidence.exportManifest', { caseId, format }));
    setBusy(false);
    if (!result) return;
    const safeId = caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
    download(result.text, `evidence-manifest-case-${safeId}.${format}`, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    notifySuccess(t('manifest.done', { count: result.count }), t('manifest.hash', { hash: result.sha256.slice(0, 16) }));
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" loading={busy} leftSection={<IconFileExport size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('manifest.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void exportAs('csv')}>{t('manifest.csv')}</Menu.Item>
        <Menu.Item onClick={() => void exportAs('json')}>{t('manifest.json')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
