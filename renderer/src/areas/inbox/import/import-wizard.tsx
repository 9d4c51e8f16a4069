import { Button, Group, Modal, Stack, Stepper } from '@mantine/core';
import { IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, SourceInput, ImportPreview, MappingPreset, Shop } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { errorMessage } from '../../../errors/error-messages';
import { useRunAction } from '../../../errors/use-run-action';
import { missingFields } from './mapping-logic';
import { MappingStep, type ParseChoice } from './mapping-step';
import { ProgressStep } from './progress-step';
import { SourceStep } from './source-step';
import { SummaryStep } from './summary-step';
import classes from './import-wizard.module.css';
import { useImportRun } from './use-import-run';

/** A file from disk, or rows pasted from a web table. */
export type ImportMode = 'file' | 'paste';

interface ImportWizardProps {
  /** Which kind of import to start; the dialog is closed when null. */
  mode: ImportMode | null;
  shops: Shop[];
  shopsLoaded: boolean;
  onClose: () => void;
  /** Called once an import has finished, so the list can show the new rows at once. */
  onImported: () => void;
  /** Start from an earlier import: its shop chosen and its column mapping (a preset) preselected. */
  reuse?: { shopId: number; preset: MappingPreset };
}

/** Import dialog: source → column mapping with live preview → streamed progress → report. */
export function ImportWizard({ mode, shops, shopsLoaded, onClose, onImported, reuse }: ImportWizardProps) {
  const { t } = useTranslation('inbox');
  return (
    <Modal
      opened={mode !== null}
      onClose={onClose}
      title={mode === 'paste' ? t('import.pasteTitle') : t('import.title')}
      size={1100}
      radius="lg"
      centered
      closeOnClickOutside={false}
    >
      {/* Keyed by mode so every opening starts at step one. */}
      {mode ? (
        <ImportFlow key={`${mode}-${reuse?.preset.id ?? ''}`} mode={mode} shops={shops} shopsLoaded={shopsLoaded} onClose={onClose} onImported={onImported} reuse={reuse} />
      ) : null}
    </Modal>
  );
}

type Step = 'source' | 'mapping' | 'running';

/** An id for one preview call, so closing the dialog can stop it (imports.cancelPreview). */
const newPreviewId = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

interface ImportFlowProps extends Omit<ImportWizardProps, 'mode'> {
  mode: ImportMode;
}

const initialChoice: ParseChoice = { encoding: 'auto', delimiter: 'auto', sheet: '', presetId: '' };

function ImportFlow({ mode, shops, shopsLoaded, onClose, onImported, reuse }: ImportFlowProps) {
  const { t, i18n } = useTranslation('inbox');
  const api = useApi();
  const run = useRunAction();
  const presets = useApiQuery('imports.presets', {}, ['imports']);
  const [step, setStep] = useState<Step>('source');
  const [chosenShop, setChosenShop] = useState<string | null>(reuse ? String(reuse.shopId) : null);
  const [source, setSource] = useState<{ value: SourceInput; name: string } | null>(null);
  // A new file starts from the defaults, or from the earlier import's mapping when re-using it.
  const startChoice: ParseChoice = reuse ? { ...initialChoice, presetId: reuse.preset.id } : initialChoice;
  const [choice, setChoice] = useState<ParseChoice>(startChoice);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [presetName, setPresetName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { progress, run: importRun } = useImportRun(importId);
  // The preview still being read, if any: closing the dialog cancels it rather than leaving a
  // large or broken file being read for nobody.
  const pendingPreview = useRef<string | null>(null);
  useEffect(
    () => () => {
      const previewId = pendingPreview.current;
      if (previewId !== null) void api.call('imports.cancelPreview', { previewId }).catch(() => undefined);
    },
    [api],
  );

  // The first shop is the likely one; a person with several picks explicitly.
  const shopId = chosenShop ?? (shops.length === 1 ? String(shops[0]!.id) : '');
  const shop = shops.find((candidate) => String(candidate.id) === shopId) ?? null;

  const finishedId = importRun && importRun.status !== 'running' ? importRun.id : null;
  useEffect(() => {
    if (finishedId !== null) onImported();
    // Once per finished run, not on every new onImported identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finishedId]);

  async function loadPreview(nextSource: SourceInput, nextChoice: ParseChoice): Promise<boolean> {
    if (!shop) return false;
    setBusy(true);
    const previewId = newPreviewId();
    pendingPreview.current = previewId;
    try {
      const options = {
        encoding: nextChoice.encoding,
        delimiter: nextChoice.delimiter,
        ...(nextChoice.sheet ? { sheet: nextChoice.sheet } : {}),
      };
      const result = await api.call('imports.preview', {
        source: nextSource,
        platform: shop.platform,
        options,
        ...(nextChoice.presetId ? { presetId: nextChoice.presetId } : {}),
        previewId,
      });
      setPreview(result);
      setMapping(result.suggestedMapping);
      setError(null);
      return true;
    } catch (cause) {
      setError(errorMessage(cause, i18n));
      return false;
    } finally {
      if (pendingPreview.current === previewId) pendingPreview.current = null;
      setBusy(false);
    }
  }

  async function pickFile(file: File) {
    setBusy(true);
    setError(null);
    let staged: SourceInput;
    try {
      staged = await api.stageFile(file);
    } catch (cause) {
      setBusy(false);
      setError(errorMessage(cause, i18n));
      return;
    }
    setSource({ value: staged, name: file.name });
    setChoice(startChoice);
    if (await loadPreview(staged, startChoice)) setStep('mapping');
  }

  async function takeText(text: string) {
    const pasted: SourceInput = { kind: 'text', text };
    setSource({ value: pasted, name: t('import.pastedName') });
    setChoice(startChoice);
    if (await loadPreview(pasted, startChoice)) setStep('mapping');
  }

  async function changeChoice(next: ParseChoice) {
    setChoice(next);
    if (source) await loadPreview(source.value, next);
  }

  async function start() {
    if (!source || !shop) return;
    setBusy(true);
    const started = await run(() =>
      api.call('imports.start', {
        source: source.value,
        platform: shop.platform,
        shopId: shop.id,
        options: { encoding: choice.encoding, delimiter: choice.delimiter, ...(choice.sheet ? { sheet: choice.sheet } : {}) },
        mapping,
        ...(presetName?.trim() ? { savePresetAs: presetName.trim() } : {}),
      }),
    );
    setBusy(false);
    if (!started) return;
    setImportId(started.importId);
    setStep('running');
  }

  async function cancel() {
    if (importId === null) return;
    setCancelling(true);
    await run(() => api.call('imports.cancel', { importId }));
    setCancelling(false);
  }

  const finished = importRun !== null && importRun.status !== 'running';
  const active = step === 'source' ? 0 : step === 'mapping' ? 1 : finished ? 3 : 2;
  const missing = missingFields(mapping);
  const presetNameInvalid = presetName !== null && presetName.trim() === '';

  return (
    <Stack gap="lg">
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={mode === 'paste' ? t('import.steps.paste') : t('import.steps.file')} />
        <Stepper.Step label={t('import.steps.mapping')} />
        <Stepper.Step label={t('import.steps.import')} />
        <Stepper.Step label={t('import.steps.report')} />
      </Stepper>

      {step === 'source' ? (
        <SourceStep
          mode={mode}
          shops={shops}
          shopsLoaded={shopsLoaded}
          shopId={shopId}
          onShopChange={setChosenShop}
          busy={busy}
          error={error}
          onFile={(file) => void pickFile(file)}
          onText={(text) => void takeText(text)}
          onLeave={onClose}
        />
      ) : null}

      {step === 'mapping' && preview ? (
        <>
          <MappingStep
            preview={preview}
            mapping={mapping}
            onMappingChange={setMapping}
            choice={choice}
            onChoiceChange={(next) => void changeChoice(next)}
            presets={reuse ? [...(presets.data?.items ?? []), reuse.preset] : (presets.data?.items ?? [])}
            presetName={presetName}
            onPresetNameChange={setPresetName}
            busy={busy}
          />
          {error ? <SourceErrorNote message={error} /> : null}
          {/* Stays in view while the mapping scrolls, so Start is always one click away. */}
          <Group justify="space-between" className={classes.footer}>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep('source')}>
              {t('import.back')}
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              disabled={missing.length > 0 || presetNameInvalid}
              loading={busy}
              onClick={() => void start()}
              data-testid="import-start"
            >
              {t('import.start')}
            </Button>
          </Group>
        </>
      ) : null}

      {step === 'running' && !finished ? (
        <ProgressStep fileName={source?.name ?? ''} progress={progress} run={importRun} cancelling={cancelling} onCancel={() => void cancel()} />
      ) : null}

      {step === 'running' && finished && importRun ? <SummaryStep run={importRun} onDone={onClose} /> : null}
    </Stack>
  );
}

/** A re-read with other options failed; the last good preview stays, with this note under it. */
function SourceErrorNote({ message }: { message: string }) {
  const { t } = useTranslation('inbox');
  return (
    <Group gap="xs" c="red" data-testid="import-error">
      <strong>{t('import.cannotRead')}</strong>
      <span>{message}</span>
    </Group>
  );
}
