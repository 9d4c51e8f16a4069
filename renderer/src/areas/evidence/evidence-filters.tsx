import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { evidenceKinds, evidenceMedia, type EvidenceKind, type EvidenceMedia } from '../../../../shared/domain/evidence';
import { kindKey, mediaKey } from '../../components/evidence/i18n/keys';

export interface EvidenceFilterValues {
  kind: EvidenceKind | null;
  media: EvidenceMedia | null;
  tag: string;
  caseId: string;
  text: string;
  flagged: boolean;
}

export const noFilters: EvidenceFilterValues = { kind: null, media: null, tag: '', caseId: '', text: '', flagged: false };

interface EvidenceFiltersProps {
  value: EvidenceFilterValues;
  onChange: (value: EvidenceFilterValues) => void;
}

/** Kind, type, tag, linked case, flagged, and a search over names, notes and sources. */
export function EvidenceFilters({ value, onChange }: EvidenceFiltersProps) {
  const { t } = useTranslation('evidence');
  const set = (change: Partial<EvidenceFilterValues>) => onChange({ ...value, ...change });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="evidence-filters">
      <TextInput
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={value.text}
        onChange={(event) => set({ text: event.currentTarget.value })}
        w={220}
        size="sm"
      />
      <Select
        label={t('filters.kind')}
        placeholder={t('filters.all')}
        data={evidenceKinds.map((kind) => ({ value: kind, label: t(kindKey[kind]) }))}
        value={value.kind}
        onChange={(kind) => set({ kind: kind as EvidenceKind | null })}
        clearable
        w={140}
        size="sm"
      />
      <Select
        label={t('filters.media')}
        placeholder={t('filters.all')}
        data={evidenceMedia.map((media) => ({ value: media, label: t(mediaKey[media]) }))}
        value={value.media}
        onChange={(media) => set({ media: media as EvidenceMedia | null })}
        clearable
        w={120}
        size="sm"
      />
      <TextInput label={t('filters.tag')} value={value.tag} onChange={(event) => set({ tag: event.currentTarget.value })} w={120} size="sm" />
      <TextInput label={t('filters.case')} value={value.caseId} onChange={(event) => set({ caseId: event.currentTarget.value })} w={110} size="sm" />
      <Checkbox
        label={t('filters.flagged')}
        checked={value.flagged}
        onChange={(event) => set({ flagged: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
