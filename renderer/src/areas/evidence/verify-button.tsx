import { Alert, Button, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvidenceVerifyReport } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes } from '../../format/date-time';
import { VerifyOrphans } from './verify-orphans';

/** Names joined for a sentence, at most a few, with how many more. */
function names(list: readonly string[], t: TFunction<'evidence'>): string {
  const shown = list.slice(0, 3).map((name) => `「${name}」`).join('、');
  return list.length > 3 ? t('verify.andMore', { names: shown, count: list.length - 3 }) : shown;
}

/** The report in plain words: what was checked, what is missing, what changed, what is left over. */
export function VerifyReport({ report, onOrphansCleaned }: { report: EvidenceVerifyReport; onOrphansCleaned: () => void }) {
  const { t } = useTranslation(['evidence', 'common']);
  return (
    <Stack gap="sm" data-testid="evidence-verify-result" data-ok={report.ok}>
      {report.ok ? (
        <Alert color="teal" icon={<IconCircleCheck />} title={t('verify.okTitle')}>
          {t('verify.okBody', { count: report.checked, size: formatBytes(report.bytes) })}
        </Alert>
      ) : (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('verify.failTitle')}>
          {t('verify.failBody', { missing: report.missing.length, altered: report.altered.length, count: report.checked })}
        </Alert>
      )}
      {report.missing.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('verify.missingTitle')}
          </Text>
          <List size="sm" spacing={2}>
            {report.missing.map((entry) => (
              <List.Item key={entry.sha256}>{t('verify.missingItem', { names: names(entry.names, t), hash: entry.sha256.slice(0, 12) })}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {report.altered.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('verify.alteredTitle')}
          </Text>
          <List size="sm" spacing={2}>
            {report.altered.map((entry) => (
              <List.Item key={entry.sha256}>{t('verify.alteredItem', { names: names(entry.names, t), hash: entry.sha256.slice(0, 12) })}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {report.unreferenced.length > 0 ? <VerifyOrphans count={report.unreferenced.length} bytes={report.unreferencedBytes} onCleaned={onOrphansCleaned} /> : null}
      {!report.ok ? (
        <Text size="sm" c="dimmed">
          {t('verify.whatNow')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** 校验证据库: re-hashes every vault file and shows the result. */
export function VerifyButton() {
  const { t } = useTranslation(['evidence', 'common']);
  const api = useApi();
  const run = useRunAction();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<EvidenceVerifyReport | null>(null);
  async function verify() {
    setBusy(true);
    const result = await run(() => api.call('evidence.verify', {}));
    setBusy(false);
    if (result) setReport(result);
  }
  return (
    <>
      <Button variant="default" leftSection={<IconShieldCheck size={18} />} loading={busy} onClick={() => void verify()}>
        {t('verify.button')}
      </Button>
      <Modal opened={report !== null} onClose={() => setReport(null)} title={t('verify.title')} radius="lg" size="lg" centered closeButtonProps={{ 'aria-label': t('common:close') }}>
        {report ? <VerifyReport report={report} onOrphansCleaned={() => setReport({ ...report, unreferenced: [], unreferencedBytes: 0 })} /> : null}
      </Modal>
    </>
  );
}
