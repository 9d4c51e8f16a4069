import type { Migration } from 'kysely/migration';
import { foundation } from './2026-11-24-001-foundation';
import { evidence } from './2026-11-24-002-evidence';
import { inbox } from './2026-11-24-003-inbox';
import { sla } from './2026-11-24-004-sla';
import { slaBreachIndex } from './2026-11-24-005-sla-breach-index';
import { importOwner } from './2026-12-02-006-import-owner';
import { caseRouting } from './2026-12-02-007-case-routing';
import { notificationGroups } from './2026-12-02-008-notification-groups';
import { monitorDefaults } from './2026-12-02-009-monitor-defaults';
import { inboxPriority } from './2026-12-02-010-inbox-priority';
import { notificationCentre } from './2026-12-03-010-notification-centre';
import { casesList } from './2026-12-03-011-cases-list';
import { classifyExamples } from './2026-12-03-201-classify-examples';
import { classificationScorer } from './2026-12-03-101-classification-scorer';
import { defaultLexiconSeed } from './2026-12-03-102-default-lexicon';
import { monitorClaims } from './2026-12-03-103-monitor-claims';

/**
 * Every migration, by name. A static map (not a folder scan) because the bundled app has no
 * migrations folder. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24-001-foundation': foundation,
  '2026-11-24-002-evidence': evidence,
  '2026-11-24-003-inbox': inbox,
  '2026-11-24-004-sla': sla,
  '2026-11-24-005-sla-breach-index': slaBreachIndex,
  '2026-12-02-006-import-owner': importOwner,
  '2026-12-02-007-case-routing': caseRouting,
  '2026-12-02-008-notification-groups': notificationGroups,
  '2026-12-02-009-monitor-defaults': monitorDefaults,
  '2026-12-02-010-inbox-priority': inboxPriority,
  '2026-12-03-010-notification-centre': notificationCentre,
  '2026-12-03-011-cases-list': casesList,
  '2026-12-03-201-classify-examples': classifyExamples,
  '2026-12-03-101-classification-scorer': classificationScorer,
  '2026-12-03-102-default-lexicon': defaultLexiconSeed,
  '2026-12-03-103-monitor-claims': monitorClaims,
};

export const latestMigrationName = Object.keys(migrations).sort().at(-1) as string;
