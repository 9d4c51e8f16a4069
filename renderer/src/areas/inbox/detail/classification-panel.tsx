import { Alert, Badge, Button, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconHandFinger, IconHelpHexagon, IconRobot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../../shared/contract';
import type { CaseCategory } from '../../../../../shared/domain/reviews';
import { categoryKey } from '../../../i18n/domain/keys';
import { useExplainClassification } from '../../../components/case-words/explain-classification';

type Reason = NonNullable<CaseSummary['classification']['explanation']>['reasons'][number];

const effectColor: Record<Reason['effect'], string> = { complaint: 'indigo', praise: 'teal', negated: 'gray', pattern: 'red', model: 'grape' };

interface ClassificationPanelProps {
  classification: CaseSummary['classification'];
  /** Sets the case's category (cases.recategorize); the needs-review guesses call it in one click. */
  onPick: (category: CaseCategory) => void;
}

/**
 * Why the case has its category: the sentence, then the scorer's decision (winner, confidence,
 * runner-up, further complaints) and the words that decided it, each marked complaint, praise,
 * negated, pattern or model. A case waiting in the needs-review queue offers its guesses.
 */
export function ClassificationPanel({ classification, onPick }: ClassificationPanelProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const explainClassification = useExplainClassification();
  const manual = classification.source === 'manual';
  const explanation = classification.explanation;
  const category = (value: CaseCategory) => t(categoryKey[value]);
  const percent = (value: number) => Math.round(value * 100);
  const shown = explanation?.reasons.filter((reason) => reason.word !== '' || reason.source === 'model') ?? [];

  return (
    <Stack gap={6} data-testid="classification-panel">
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon size={22} radius="xl" variant="light" color={manual ? 'teal' : classification.needsReview ? 'yellow' : 'indigo'} style={{ flexShrink: 0 }}>
          {manual ? <IconHandFinger size={14} /> : classification.needsReview ? <IconHelpHexagon size={14} /> : <IconRobot size={14} />}
        </ThemeIcon>
        <Text size="sm" data-testid="classification-explanation">
          {explainClassification(classification)}
        </Text>
      </Group>
      {explanation && explanation.scores.length > 0 ? (
        <Text size="xs" c="dimmed" data-testid="classification-decision">
          {manual
            ? t('explain.machineGuess', { winner: category(explanation.winner), confidence: percent(explanation.confidence) })
            : [
                t('explain.decision', { winner: category(explanation.winner), confidence: percent(explanation.confidence) }),
                explanation.runnerUp ? t('explain.runnerUp', { category: category(explanation.runnerUp) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
          {explanation.secondary.length > 0 ? ` · ${t('explain.secondary', { categories: explanation.secondary.map(category).join(t('common:wordSeparator')) })}` : ''}
        </Text>
      ) : null}
      {shown.length > 0 ? (
        <Group gap={4} data-testid="classification-reasons" aria-label={t('explain.reasons')}>
          {shown.map((reason, index) => {
            const label = reason.source === 'model' && reason.word === '' ? t('explain.model', { count: explanation?.modelExamples ?? 0 }) : reason.word;
            const tip = t('explain.reasonTip', { category: category(reason.category), effect: t(`explain.effects.${reason.effect}`), weight: reason.weight });
            return (
              <Tooltip key={`${reason.word}-${reason.start ?? 'm'}-${index}`} label={reason.ruleName ? `${tip} · ${reason.ruleName}` : tip} withArrow>
                <Badge
                  size="sm"
                  radius="sm"
                  variant={reason.effect === 'praise' || reason.effect === 'negated' ? 'outline' : 'light'}
                  color={effectColor[reason.effect]}
                  style={{ textTransform: 'none', textDecoration: reason.effect === 'negated' ? 'line-through' : undefined }}
                  data-effect={reason.effect}
                >
                  {label}
                </Badge>
              </Tooltip>
            );
          })}
        </Group>
      ) : null}
      {classification.needsReview && explanation && explanation.guesses.length > 0 ? (
        <Alert color="yellow" variant="light" p="xs" data-testid="needs-review-guesses">
          <Group gap={6}>
            <Text size="sm">{t('explain.pickGuess')}</Text>
            {explanation.guesses.map((guess) => (
              <Button key={guess} size="compact-xs" variant="light" color="yellow" onClick={() => onPick(guess)}>
                {category(guess)}
              </Button>
            ))}
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
