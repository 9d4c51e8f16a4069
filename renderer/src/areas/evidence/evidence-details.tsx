import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Divider,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLink, IconUnlink } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { evidenceKinds, evidenceTargetTypes, type EvidenceKind, type EvidenceTargetType } from '../../../../shared/domain/evidence';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes, formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { formatDuration } from './evidence-format';
import { EvidenceFlagBadge } from './evidence-flag-badge';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="xs" c="dimmed" w={76} style={{ flexShrink: 0 }} pt={2}>
        {label}
      </Text>
      <div style={{ minWidth: 0, flex: 1, fontSize: 'var(--mantine-font-size-sm)' }}>{children}</div>
    </Group>
  );
}

interface EvidenceDetailsProps {
  item: EvidenceItem;
  /** Called after any change so the viewer reloads before the change event arrives. */
  onChanged: () => void;
}

/** Metadata of one item: what it is (read-only, fixed at add) and what people say about it (editable). */
export function EvidenceDetails({ item, onChanged }: EvidenceDetailsProps) {
  const { t } = useTranslation();
  const { timeZone, language } = usePreferences();
  const api = useApi();
  const run = useRunAction();
  // The notes being typed, or null while they equal the saved ones.
  const [draft, setDraft] = useState<string | null>(null);
  const notes = draft ?? item.notes;
  const [targetType, setTargetType] = useState<EvidenceTargetType>('case');
  const [targetId, setTargetId] = useState('');
  const readOnly = item.trashedAt !== null;

  async function update(change: { kind?: EvidenceKind; tags?: string[]; notes?: string }) {
    const saved = await run(() => api.call('evidence.update', { id: item.id, ...change }));
    if (saved) onChanged();
    return saved;
  }

  async function link() {
    const id = targetId.trim();
    if (!id) return;
    const saved = await run(() => api.call('evidence.link', { id: item.id, target: { targetType, targetId: id } }));
    if (!saved) return;
    setTargetId('');
    notifySuccess(t('evidence.details.linkedDone', { target: t(`evidence.targets.${targetType}`, { id }) }));
    onChanged();
  }

  async function unlink(target: { targetType: EvidenceTargetType; targetId: string }) {
    const saved = await run(() => api.call('evidence.unlink', { id: item.id, target }));
    if (saved) onChanged();
  }

  return (
    <Stack gap="sm" data-testid="evidence-details">
      <Row label={t('evidence.details.name')}>
        <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }} data-testid="evidence-details-name">
          <bdi>{item.originalName}</bdi>
        </Text>
      </Row>
      <Row label={t('evidence.details.type')}>
        <Group gap={6}>
          <Text size="sm">
            {item.detectedType.toUpperCase()} <Text span size="xs" c="dimmed">({item.mime})</Text>
          </Text>
          <EvidenceFlagBadge item={item} />
        </Group>
      </Row>
      <Row label={t('evidence.details.size')}>{formatBytes(item.size)}</Row>
      {item.width !== null && item.height !== null ? (
        <Row label={t('evidence.details.dimensions')}>
          {item.width} × {item.height}
        </Row>
      ) : null}
      {item.durationMs !== null ? (
        <Row label={t('evidence.details.duration')}>
          <span data-testid="evidence-details-duration">{formatDuration(item.durationMs)}</span>
        </Row>
      ) : null}
      <Row label="SHA-256">
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Code fz={11} style={{ wordBreak: 'break-all' }} data-testid="evidence-details-sha">
            {item.sha256}
          </Code>
          <CopyButton value={item.sha256}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('evidence.details.copied') : t('evidence.details.copyHash')}>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('evidence.details.copyHash')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Row>
      <Row label={t('evidence.details.added')}>
        {formatDateTime(item.addedAt, timeZone, language)} · {t(`activity.actors.${item.addedBy}`, { defaultValue: item.addedBy })}
      </Row>
      <Row label={t('evidence.details.captured')}>
        {item.capturedAt !== null ? formatDateTime(item.capturedAt, timeZone, language) : <Text span c="dimmed" size="sm">{t('evidence.details.unknown')}</Text>}
      </Row>
      <Row label={t('evidence.details.source')}>
        {item.source ? item.source : <Text span c="dimmed" size="sm">{t('evidence.details.unknown')}</Text>}
      </Row>

      <Divider />
      <Select
        label={t('evidence.details.kind')}
        data={evidenceKinds.map((kind) => ({ value: kind, label: t(`evidence.kinds.${kind}`) }))}
        value={item.kind}
        allowDeselect={false}
        disabled={readOnly}
        onChange={(value) => value && value !== item.kind && void update({ kind: value as EvidenceKind })}
        size="xs"
      />
      <TagsInput
        label={t('evidence.details.tags')}
        placeholder={t('evidence.details.tagsPlaceholder')}
        value={item.tags}
        disabled={readOnly}
        onChange={(tags) => void update({ tags })}
        maxTags={50}
        size="xs"
        clearable
      />
      <Stack gap={4}>
        <Textarea
          label={t('evidence.details.notes')}
          value={notes}
          disabled={readOnly}
          onChange={(event) => setDraft(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={4000}
          size="xs"
        />
        {notes !== item.notes ? (
          <Group justify="flex-end" gap="xs">
            <Button size="compact-xs" variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="compact-xs" onClick={() => void update({ notes }).then((saved) => saved && setDraft(null))}>
              {t('evidence.details.saveNotes')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <Divider />
      <Title order={3} size="h6">
        {t('evidence.details.links')}
      </Title>
      {item.links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.details.noLinks')}
        </Text>
      ) : (
        <Group gap={6} data-testid="evidence-links">
          {item.links.map((target) => (
            <Badge
              key={`${target.targetType}:${target.targetId}`}
              variant="light"
              size="lg"
              tt="none"
              rightSection={
                readOnly ? null : (
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    onClick={() => void unlink(target)}
                    aria-label={t('evidence.details.unlink', { target: t(`evidence.targets.${target.targetType}`, { id: target.targetId }) })}
                  >
                    <IconUnlink size={12} />
                  </ActionIcon>
                )
              }
            >
              {t(`evidence.targets.${target.targetType}`, { id: target.targetId })}
            </Badge>
          ))}
        </Group>
      )}
      {readOnly ? null : (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <Select
            size="xs"
            w={96}
            aria-label={t('evidence.details.linkType')}
            data={evidenceTargetTypes.map((type) => ({ value: type, label: t(`evidence.targetTypes.${type}`) }))}
            value={targetType}
            allowDeselect={false}
            onChange={(value) => value && setTargetType(value as EvidenceTargetType)}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('evidence.details.linkId')}
            placeholder={t('evidence.details.linkId')}
            value={targetId}
            maxLength={100}
            onChange={(event) => setTargetId(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void link()}
          />
          <Button size="xs" variant="light" leftSection={<IconLink size={14} />} disabled={!targetId.trim()} onClick={() => void link()}>
            {t('evidence.details.link')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
