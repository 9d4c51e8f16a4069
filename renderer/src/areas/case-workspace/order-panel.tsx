import { Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseWorkspace } from '../../../../shared/contract';
import { useExplainFlag } from '../../components/case-words/flag-evidence';
import { flagIcons } from '../../components/case-words/flag-icons';
import { flagKey } from '../../i18n/domain/keys';
import { Fact, WorkspaceSection } from './workspace-section';

/**
 * The order and the buyer, as far as the reviews table knows them (order number, SKU, product,
 * buyer nick and their record in this shop). The customer profile has its own slot below: the
 * customers feature fills it; until then it says so instead of showing anything made up.
 */
export function OrderPanel({ data }: { data: CaseWorkspace }) {
  const { t } = useTranslation(['workspace', 'domain']);
  const explainFlag = useExplainFlag();
  const review = data.review;
  const missing = t('order.missing');
  return (
    <WorkspaceSection title={t('order.title')} testId="workspace-order">
      <Stack gap={6}>
        <Fact label={t('order.orderNo')} testId="workspace-order-no">
          {review.orderNo ?? missing}
        </Fact>
        <Fact label={t('order.product')}>{review.product ?? missing}</Fact>
        <Fact label={t('order.sku')}>{review.sku ?? missing}</Fact>
        <Fact label={t('order.buyerNick')} testId="workspace-buyer">
          {data.buyer.nick ?? missing}
        </Fact>
        {data.buyer.nick !== null ? <Fact label={t('order.buyerHistory')}>{t('order.buyerCounts', { reviews: data.buyer.reviews, negative: data.buyer.negative })}</Fact> : null}
        {review.platformReviewId ? <Fact label={t('order.platformReviewId')}>{review.platformReviewId}</Fact> : null}
        {review.sourceFile ? <Fact label={t('order.sourceFile')}>{review.sourceFile}</Fact> : null}
      </Stack>
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
      <CustomerProfileSlot />
    </WorkspaceSection>
  );
}

/** Where the customers issue puts the buyer's profile and plan; empty and honest until then. */
export function CustomerProfileSlot() {
  const { t } = useTranslation('workspace');
  return (
    <Paper radius="md" p="sm" style={{ border: '1px dashed var(--mantine-color-default-border)' }} data-testid="workspace-customer-slot" aria-label={t('order.customerSlot')}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconUserCircle size={20} stroke={1.5} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} aria-hidden />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('order.customerSlot')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('order.customerSlotHint')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
