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
import { notifySuccess } from '../notify';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes, formatDateTime } from '../../format/date-time';
import { actorKey } from '../../i18n/domain/keys';
import { usePreferences } from '../../preferences/preferences-context';
import { formatDuration } from './evidence-format';
import { EvidenceFlagBadge } from './evidence-flag-badge';
import { kindKey, targetKey, targetTypeKey } from './i18n/keys';

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
  const { t } = useTranslation(['evidence', 'common', 'domain']);
  const { timeZone, language } = usePreferences();
  const api = useApi();
  const run = useRunAction();
  // The notes being typed, or null while they equal the saved ones.
  const [draft, setDraft] = useState<string | null>(null);
  const notes = draft ?? item.notes;
  const [targetType, setTargetType] = useState<EvidenceTargetType>('case');
  const [targetId, setTargetId] = useState('');
  const readOnly = item.trashedAt !== null;
  const addedByKey = actorKey(item.addedBy);

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
    notifySuccess(t('details.linkedDone', { target: t(targetKey[targetType], { id }) }));
    onChanged();
  }

  async function unlink(target: { targetType: EvidenceTargetType; targetId: string }) {
    const saved = await run(() => api.call('evidence.unlink', { id: item.id, target }));
    if (saved) onChanged();
  }

  return (
    <Stack gap="sm" data-testid="evidence-details">
      <Row label={t('details.name')}>
        <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }} data-testid="evidence-details-name">
          <bdi>{item.originalName}</bdi>
        </Text>
      </Row>
      <Row label={t('details.type')}>
        <Group gap={6}>
          <Text size="sm">
            {item.detectedType.toUpperCase()} <Text span size="xs" c="dimmed">({item.mime})</Text>
          </Text>
          <EvidenceFlagBadge item={item} />
        </Group>
      </Row>
      <Row label={t('details.size')}>{formatBytes(item.size)}</Row>
      {item.width !== null && item.height !== null ? (
        <Row label={t('details.dimensions')}>
          {item.width} × {item.height}
        </Row>
      ) : null}
      {item.durationMs !== null ? (
        <Row label={t('details.duration')}>
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
              <Tooltip label={copied ? t('details.copied') : t('details.copyHash')}>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('details.copyHash')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Row>
      <Row label={t('details.added')}>
        {formatDateTime(item.addedAt, timeZone, language)} · {addedByKey ? t(addedByKey) : item.addedBy}
      </Row>
      <Row label={t('details.captured')}>
        {item.capturedAt !== null ? formatDateTime(item.capturedAt, timeZone, language) : <Text span c="dimmed" size="sm">{t('details.unknown')}</Text>}
      </Row>
      <Row label={t('details.source')}>
        {item.source ? item.source : <Text span c="dimmed" size="sm">{t('details.unknown')}</Text>}
      </Row>

      <Divider />
      <Select
        label={t('details.kind')}
        data={evidenceKinds.map((kind) => ({ value: kind, label: t(kindKey[kind]) }))}
        value={item.kind}
        allowDeselect={false}
        disabled={readOnly}
        onChange={(value) => value && value !== item.kind && void update({ kind: value as EvidenceKind })}
        size="xs"
      />
      <TagsInput
        label={t('details.tags')}
        placeholder={t('details.tagsPlaceholder')}
        value={item.tags}
        disabled={readOnly}
        onChange={(tags) => void update({ tags })}
        maxTags={50}
        size="xs"
        clearable
      />
      <Stack gap={4}>
        <Textarea
          label={t('details.notes')}
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
              {t('common:cancel')}
            </Button>
            <Button size="compact-xs" onClick={() => void update({ notes }).then((saved) => saved && setDraft(null))}>
              {t('details.saveNotes')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <Divider />
      <Title order={3} size="h6">
        {t('details.links')}
      </Title>
      {item.links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('details.noLinks')}
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
                    aria-label={t('details.unlink', { target: t(targetKey[target.targetType], { id: target.targetId }) })}
                  >
                    <IconUnlink size={12} />
                  </ActionIcon>
                )
              }
            >
              {t(targetKey[target.targetType], { id: target.targetId })}
            </Badge>
          ))}
        </Group>
      )}
      {readOnly ? null : (
        <Group gap={6} align="flex-end" wrap="nowrap">
          <Select
            size="xs"
            w={96}
            aria-label={t('details.linkType')}
            data={evidenceTargetTypes.map((type) => ({ value: type, label: t(targetTypeKey[type]) }))}
            value={targetType}
            allowDeselect={false}
            onChange={(value) => value && setTargetType(value as EvidenceTargetType)}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('details.linkId')}
            placeholder={t('details.linkId')}
            value={targetId}
            maxLength={100}
            onChange={(event) => setTargetId(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void link()}
          />
          <Button size="xs" variant="light" leftSection={<IconLink size={14} />} disabled={!targetId.trim()} onClick={() => void link()}>
            {t('details.link')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
