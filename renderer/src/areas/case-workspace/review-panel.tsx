import { Blockquote, Group, Rating, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWorkspace } from '../../../../shared/contract';
import { useApiQuery } from '../../api/use-api-query';
import { LevelBadge } from '../../components/badges/level-badge';
import { EvidenceGallery } from '../../components/evidence/evidence-gallery';
import { EvidenceViewer } from '../../components/evidence/evidence-viewer';
import { formatDateTime } from '../../format/date-time';
import { platformKey } from '../../i18n/domain/keys';
import { usePreferences } from '../../preferences/preferences-context';
import { MarkedText } from './marked-text';
import { WorkspaceSection } from './workspace-section';

/** The words worth marking in a review: what the category rule matched and what raised a flag. */
export function markedWords(data: CaseWorkspace): string[] {
  const reviewCase = data.review.case;
  if (!reviewCase) return [];
  return [...reviewCase.classification.matchedWords, ...reviewCase.flags.flatMap((flag) => flag.params.words ?? [])];
}

/** The review as the buyer wrote it: rating, where and when, the text with its marked words, 追评, images. */
export function ReviewPanel({ data }: { data: CaseWorkspace }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const { timeZone, language } = usePreferences();
  const when = (at: number) => formatDateTime(at, timeZone, language);
  const review = data.review;
  const words = markedWords(data);
  // Images the buyer posted, once someone linked them to the review in the vault.
  const reviewLink = { targetType: 'review' as const, targetId: String(review.id) };
  const images = useApiQuery('evidence.list', { linkedTo: reviewLink, media: 'image', limit: 50 }, ['evidence']);
  const [openId, setOpenId] = useState<number | null>(null);
  const linkedImages = images.data?.items ?? [];
  return (
    <WorkspaceSection title={t('review.title')} testId="workspace-review">
      <Group gap="xs" wrap="wrap">
        <LevelBadge level={review.level} />
        {review.rating !== null ? (
          <Group gap={6} wrap="nowrap">
            <Rating value={review.rating} readOnly size="sm" aria-label={t('review.rating', { rating: review.rating })} />
            <Text size="xs" c="dimmed">
              {t('review.rating', { rating: review.rating })}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('review.noRating')}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" data-testid="workspace-review-posted">
        {t('review.posted', { platform: t(platformKey[review.platform]), shop: review.shopName, time: when(review.postedAt) })} · {t('review.imported', { time: when(review.importedAt) })}
      </Text>
      {review.product ? (
        <Text size="sm" data-testid="workspace-review-product">
          {t('review.productLine', { product: review.product })}
        </Text>
      ) : null}
      <Text size="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="workspace-review-text">
        <MarkedText text={review.text} words={words} />
      </Text>
      {words.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('review.highlightHint')}
        </Text>
      ) : null}
      {review.followUpText ? (
        <Blockquote p="xs" pl="md" radius="md" color="orange" cite={t('review.followUp')} data-testid="workspace-follow-up">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <MarkedText text={review.followUpText} words={words} />
          </Text>
        </Blockquote>
      ) : null}
      {review.imagesCount > 0 || linkedImages.length > 0 ? (
        <Stack gap={6}>
          <Group gap={4}>
            <IconPhoto size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('review.images', { count: Math.max(review.imagesCount, linkedImages.length) })}
            </Text>
          </Group>
          {linkedImages.length > 0 ? (
            <EvidenceGallery items={linkedImages} onOpen={(item) => setOpenId(item.id)} dense />
          ) : (
            <Text size="xs" c="dimmed">
              {t('review.imagesNotInFile')}
            </Text>
          )}
        </Stack>
      ) : null}
      {data.sameOrder.length > 0 ? (
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed">
            {t('review.sameOrder')}
          </Text>
          {data.sameOrder.map((other) => (
            <Group key={other.id} gap="xs" wrap="nowrap" align="flex-start">
              <LevelBadge level={other.level} />
              <Text size="sm" lineClamp={2}>
                {other.text}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
      <EvidenceViewer evidenceId={openId} onClose={() => setOpenId(null)} />
    </WorkspaceSection>
  );
}
