import { ActionIcon, Badge, Blockquote, Divider, Group, Paper, Rating, ScrollArea, Skeleton, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconPhoto, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../format/date-time';
import { actorKey, platformKey } from '../../../i18n/domain/keys';
import { usePreferences } from '../../../preferences/preferences-context';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { useExplainFlag } from '../../../components/case-words/flag-evidence';
import { flagIcons } from '../badges/flag-icons';
import { LevelBadge } from '../../../components/badges/level-badge';
import { findRanges, HighlightedText } from '../list/highlighted-text';
import type { InboxLookups } from '../use-inbox-lookups';
import { CasePanel } from './case-panel';
import { DetailSection, Fact } from './detail-section';
import { timelineDetail } from './timeline-detail';
import { flagKey, timelineActionKey } from '../i18n/keys';

interface ReviewDetailPaneProps {
  reviewId: number;
  /** Search matches in the review text, from the list. */
  ranges: [number, number][] | undefined;
  /** The current search, to mark it in the follow-up too. */
  search: string;
  lookups: InboxLookups;
  onClose: () => void;
}

/** The right-hand pane: the review, its order and buyer, the case and its timeline. */
export function ReviewDetailPane({ reviewId, ranges, search, lookups, onClose }: ReviewDetailPaneProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const { timeZone, language } = usePreferences();
  const detail = useApiQuery('reviews.get', { id: reviewId }, ['reviews']);
  const when = (at: number) => formatDateTime(at, timeZone, language);
  const explainFlag = useExplainFlag();
  // An old answer for the previously open review must not flash under the new one's id.
  const data = detail.data?.review.id === reviewId ? detail.data : undefined;

  return (
    <Paper withBorder radius="lg" h="100%" w="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} component="aside" aria-label={t('detail.label')} data-testid="review-detail">
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Title order={2} size="h5">
          {t('detail.title')}
        </Title>
        <Tooltip label={t('detail.closeHint')}>
          <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('detail.close')}>
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Divider />
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="lg" p="md">
          {detail.error && !data ? (
            <QueryError error={detail.error} onRetry={detail.reload} />
          ) : !data ? (
            <Stack gap="sm">
              <Skeleton height={24} width="50%" />
              <Skeleton height={72} />
              <Skeleton height={120} />
            </Stack>
          ) : (
            <>
              <Stack gap="xs">
                <Group gap="xs">
                  <LevelBadge level={data.review.level} />
                  {data.review.rating !== null ? (
                    <Rating value={data.review.rating} readOnly size="sm" aria-label={t('detail.rating', { rating: data.review.rating })} />
                  ) : null}
                  {data.review.case ? <CategoryBadge category={data.review.case.category} manual={data.review.case.classification.source === 'manual'} /> : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('detail.postedLine', {
                    shop: data.review.shopName,
                    platform: t(platformKey[data.review.platform]),
                    time: when(data.review.postedAt),
                  })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-text">
                  <HighlightedText text={data.review.text} ranges={ranges} />
                </Text>
                {data.review.followUpText ? (
                  <Blockquote p="xs" pl="md" radius="md" color="orange" cite={t('detail.followUp')} mt={4}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <HighlightedText text={data.review.followUpText} ranges={findRanges(data.review.followUpText, search)} />
                    </Text>
                  </Blockquote>
                ) : null}
                {data.review.imagesCount > 0 ? (
                  <Group gap={4}>
                    <IconPhoto size={14} aria-hidden />
                    <Text size="xs" c="dimmed">
                      {t('detail.images', { count: data.review.imagesCount })}
                    </Text>
                  </Group>
                ) : null}
              </Stack>

              {data.review.case ? (
                <CasePanel reviewCase={data.review.case} assignable={lookups.assignable} staffNames={lookups.staffNames} onChanged={detail.reload} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('detail.noCase')}
                </Text>
              )}

              <DetailSection title={t('detail.order')}>
                <Fact label={t('fields.orderNo')}>{data.review.orderNo ?? '—'}</Fact>
                <Fact label={t('fields.product')}>{data.review.product ?? '—'}</Fact>
                <Fact label={t('fields.sku')}>{data.review.sku ?? '—'}</Fact>
                {data.review.sourceFile ? <Fact label={t('detail.sourceFile')}>{data.review.sourceFile}</Fact> : null}
              </DetailSection>

              <DetailSection title={t('detail.buyer')}>
                <Fact label={t('fields.buyerNick')}>{data.buyer.nick ?? '—'}</Fact>
                <Fact label={t('detail.history')}>{t('detail.buyerCounts', { reviews: data.buyer.reviews, negative: data.buyer.negative })}</Fact>
                {data.buyer.flags.length > 0 ? (
                  <Group gap={6}>
                    {data.buyer.flags.map((flag) => {
                      const FlagIcon = flagIcons[flag.type];
                      return (
                        <Tooltip key={flag.type} label={explainFlag(flag)} multiline maw={280}>
                          <Badge color="red" variant="light" tt="none" leftSection={<FlagIcon size={12} />}>
                            {t(flagKey[flag.type])}
                          </Badge>
                        </Tooltip>
                      );
                    })}
                  </Group>
                ) : null}
              </DetailSection>

              {data.sameOrder.length > 0 ? (
                <DetailSection title={t('detail.sameOrder')}>
                  {data.sameOrder.map((other) => (
                    <Group key={other.id} gap="xs" wrap="nowrap" align="flex-start">
                      <LevelBadge level={other.level} />
                      <Text size="sm" lineClamp={2}>
                        {other.text}
                      </Text>
                    </Group>
                  ))}
                </DetailSection>
              ) : null}

              <DetailSection title={t('detail.timeline')} testId="detail-timeline">
                {data.timeline.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('detail.timelineEmpty')}
                  </Text>
                ) : (
                  <Timeline bulletSize={12} lineWidth={2} active={data.timeline.length - 1}>
                    {data.timeline.map((entry, index) => {
                      const line = timelineDetail(entry, t);
                      const actionKey = timelineActionKey(entry.action);
                      const byKey = actorKey(entry.actor);
                      return (
                        <Timeline.Item key={`${entry.at}-${index}`} title={<Text size="sm">{actionKey ? t(actionKey) : entry.action}</Text>}>
                          {line ? (
                            <Text size="xs" c="dimmed" data-testid="timeline-detail">
                              {line}
                            </Text>
                          ) : null}
                          <Text size="xs" c="dimmed">
                            {t('detail.byAt', { actor: byKey ? t(byKey) : entry.actor, time: when(entry.at) })}
                          </Text>
                        </Timeline.Item>
                      );
                    })}
                  </Timeline>
                )}
              </DetailSection>
            </>
          )}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
