import { Alert, Badge, Checkbox, Group, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconKey } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportPreview, MappingPreset } from '../../../../../shared/contract';
import { reviewFields, textEncodings, type ReviewField } from '../../../../../shared/domain/reviews';
import { mappedFields, missingFields, previewRows, unusedColumns } from './mapping-logic';
import classes from './mapping-step.module.css';
import { encodingConfidenceKey, encodingReasonKey, fieldKey } from '../i18n/keys';

export interface ParseChoice {
  encoding: 'auto' | (typeof textEncodings)[number];
  delimiter: 'auto' | ',' | '\t' | ';' | '|';
  /** XLSX sheet; '' for the first. */
  sheet: string;
  /** Preset id; '' lets the backend pick the best match. */
  presetId: string;
}

const delimiters = ['auto', ',', '\t', ';', '|'] as const;
const delimiterKeys: Record<(typeof delimiters)[number], ParseKeys<'inbox'>> = {
  auto: 'import.delimiters.auto',
  ',': 'import.delimiters.comma',
  '\t': 'import.delimiters.tab',
  ';': 'import.delimiters.semicolon',
  '|': 'import.delimiters.pipe',
};
/** Rows of the live preview; enough to spot a wrong column, few enough to read. */
const previewLimit = 5;

interface MappingStepProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  choice: ParseChoice;
  /** Re-reads the file with other parse options or another preset. */
  onChoiceChange: (choice: ParseChoice) => void;
  presets: MappingPreset[];
  /** Name to save this mapping under, or null to not save it. */
  presetName: string | null;
  onPresetNameChange: (name: string | null) => void;
  /** True while the preview is being re-read. */
  busy: boolean;
}

/** Step 2: how the file's columns map onto review fields, with a live preview of the first rows. */
export function MappingStep({ preview, mapping, onMappingChange, choice, onChoiceChange, presets, presetName, onPresetNameChange, busy }: MappingStepProps) {
  const { t } = useTranslation(['inbox', 'common']);
  const missing = new Set(missingFields(mapping));
  const unused = unusedColumns(preview.headers, mapping);
  const rows = previewRows(preview, mapping).slice(0, previewLimit);
  const columns = mappedFields(mapping);
  const headerLabel = (index: number) => preview.headers[index] || t('import.blankHeader', { n: index + 1 });
  const isTextFormat = preview.format !== 'xlsx';

  function setField(field: ReviewField, value: string) {
    onMappingChange({ ...mapping, [field]: value === '' ? null : Number(value) });
  }

  return (
    <Stack gap="md" data-testid="import-mapping" aria-busy={busy}>
      <Group gap="sm" wrap="wrap">
        <IconFileSpreadsheet size={20} aria-hidden />
        <Text fw={600}>{preview.fileName}</Text>
        <Badge variant="light" tt="uppercase">
          {preview.format}
        </Badge>
        <Text size="sm" c="dimmed" data-testid="detected-encoding">
          {preview.encoding.detected === preview.encoding.used
            ? t('import.encodingDetected', { used: preview.encoding.used.toUpperCase() })
            : t('import.encodingLine', { detected: preview.encoding.detected.toUpperCase(), used: preview.encoding.used.toUpperCase() })}
        </Text>
        <Text size="sm" c={preview.encoding.confidence === 'medium' || preview.encoding.confidence === 'low' ? 'orange' : 'dimmed'} data-testid="encoding-why">
          {t('import.encodingWhy', {
            confidence: t(encodingConfidenceKey[preview.encoding.confidence]),
            reason: t(encodingReasonKey[preview.encoding.reason], { kb: Math.max(1, Math.round(preview.encoding.sampleBytes / 1024)), count: preview.encoding.invalidUtf8 }),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('import.headerRowLine', { row: preview.headerRow })}
        </Text>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <NativeSelect
          size="xs"
          label={t('import.encoding')}
          value={choice.encoding}
          onChange={(event) => onChoiceChange({ ...choice, encoding: event.currentTarget.value as ParseChoice['encoding'] })}
          data={[
            { value: 'auto', label: t('import.encodingAuto', { detected: preview.encoding.detected.toUpperCase() }) },
            ...textEncodings.map((value) => ({ value, label: value.toUpperCase() })),
          ]}
          disabled={!isTextFormat}
        />
        {isTextFormat ? (
          <NativeSelect
            size="xs"
            label={t('import.delimiter')}
            value={choice.delimiter}
            onChange={(event) => onChoiceChange({ ...choice, delimiter: event.currentTarget.value as ParseChoice['delimiter'] })}
            data={delimiters.map((value) => ({ value, label: t(delimiterKeys[value]) }))}
          />
        ) : (
          <NativeSelect
            size="xs"
            label={t('import.sheet')}
            value={choice.sheet || preview.sheets[0] || ''}
            onChange={(event) => onChoiceChange({ ...choice, sheet: event.currentTarget.value })}
            data={preview.sheets.length > 0 ? preview.sheets : ['']}
          />
        )}
        <NativeSelect
          size="xs"
          label={t('import.preset')}
          value={choice.presetId}
          onChange={(event) => onChoiceChange({ ...choice, presetId: event.currentTarget.value })}
          data={[
            { value: '', label: t('import.presetAuto') },
            ...presets.map((preset) => ({
              value: preset.id,
              label: preset.builtIn ? t('import.presetBuiltIn', { name: preset.name }) : preset.name,
            })),
          ]}
        />
      </SimpleGrid>

      <Alert variant="light" color="indigo" icon={<IconKey size={18} />} p="xs" data-testid="dedupe-key">
        <Text size="sm">
          {t('import.dedupeRule', {
            idHeader: preview.dedupe.idHeader,
            order: preview.dedupe.orderFallbackHeader
              ? t('import.dedupeOrderFallback', { orderHeader: preview.dedupe.orderHeader, fallbackHeader: preview.dedupe.orderFallbackHeader })
              : preview.dedupe.orderHeader,
            timeHeader: preview.dedupe.timeHeader,
          })}
        </Text>
      </Alert>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder radius="md">
          <Table verticalSpacing={4} horizontalSpacing="sm" data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.colField')}</Table.Th>
                <Table.Th>{t('import.colColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviewFields.map((field) => {
                const isMissing = missing.has(field);
                const value = mapping[field];
                const required = field === 'text' || field === 'postedAt';
                const either = field === 'level' || field === 'rating';
                return (
                  <Table.Tr key={field} className={isMissing ? classes.missing : undefined} data-missing={isMissing || undefined} data-testid={`mapping-row-${field}`}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={required || either ? 600 : 400}>
                          {t(fieldKey[field])}
                        </Text>
                        {required ? (
                          <Badge size="xs" variant="light" color={isMissing ? 'red' : 'gray'} tt="none">
                            {t('import.required')}
                          </Badge>
                        ) : null}
                        {either ? (
                          <Badge size="xs" variant="light" color={isMissing ? 'red' : 'gray'} tt="none">
                            {t('import.eitherRequired')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t(fieldKey[field])}
                        value={value === undefined || value === null ? '' : String(value)}
                        onChange={(event) => setField(field, event.currentTarget.value)}
                        data={[
                          { value: '', label: t('import.notImported') },
                          ...preview.headers.map((_, index) => ({ value: String(index), label: headerLabel(index) })),
                        ]}
                        error={isMissing}
                        data-testid={`mapping-${field}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>

        <Stack gap="sm">
          {missing.size > 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="mapping-missing">
              <Text size="sm">
                {t('import.missingSummary', {
                  fields: [...missing].map((field) => t(fieldKey[field])).join(t('common:wordSeparator')),
                })}
              </Text>
            </Alert>
          ) : null}
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('import.unusedColumns')}
            </Text>
            {unused.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('import.allUsed')}
              </Text>
            ) : (
              <Group gap={6} data-testid="unused-columns">
                {unused.map((index) => (
                  <Badge key={index} variant="outline" color={preview.unmappedHeaders.includes(preview.headers[index] ?? '') ? 'orange' : 'gray'} tt="none">
                    {headerLabel(index)}
                  </Badge>
                ))}
              </Group>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {t('import.unusedHint')}
            </Text>
          </div>
          <Paper withBorder radius="md" p="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Checkbox
                label={t('import.savePreset')}
                checked={presetName !== null}
                onChange={(event) => onPresetNameChange(event.currentTarget.checked ? '' : null)}
              />
              {presetName !== null ? (
                <TextInput
                  size="xs"
                  aria-label={t('import.presetName')}
                  placeholder={t('import.presetNamePlaceholder')}
                  value={presetName}
                  maxLength={40}
                  onChange={(event) => onPresetNameChange(event.currentTarget.value)}
                  style={{ flex: 1 }}
                  miw={180}
                />
              ) : null}
            </Group>
          </Paper>
          <Stack gap={6}>
            <Title order={3} size="h6">
              {t('import.previewTitle', { count: rows.length })}
            </Title>
            <Paper withBorder radius="md">
              <ScrollArea type="auto">
                <Table verticalSpacing={4} horizontalSpacing="sm" fz="xs" data-testid="mapping-preview" miw={columns.length * 120}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('import.rowNumber')}</Table.Th>
                      {columns.map((field) => (
                        <Table.Th key={field} style={{ whiteSpace: 'nowrap' }}>
                          {t(fieldKey[field])}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.rowNumber} className={row.problems.length > 0 ? classes.missing : undefined}>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {row.rowNumber}
                          </Text>
                          {row.problems.length > 0 ? (
                            <Text size="xs" c="red">
                              {t('import.rowRejected')}
                            </Text>
                          ) : null}
                        </Table.Td>
                        {columns.map((field) => (
                          <Table.Td key={field} maw={280}>
                            <Text size="xs" lineClamp={2}>
                              {row.values[field] || '—'}
                            </Text>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Paper>
          </Stack>
        </Stack>
      </SimpleGrid>

    </Stack>
  );
}
