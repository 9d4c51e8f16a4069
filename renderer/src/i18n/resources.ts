import type { Language } from '../../../shared/domain/preferences';
import { casesEn } from '../areas/cases/i18n/en';
import { casesZhCN } from '../areas/cases/i18n/zh-CN';
import { workspaceEn } from '../areas/case-workspace/i18n/en';
import { workspaceZhCN } from '../areas/case-workspace/i18n/zh-CN';
import { evidenceEn } from '../components/evidence/i18n/en';
import { evidenceZhCN } from '../components/evidence/i18n/zh-CN';
import { inboxEn } from '../areas/inbox/i18n/en';
import { inboxZhCN } from '../areas/inbox/i18n/zh-CN';
import { settingsEn } from '../areas/settings/i18n/en';
import { settingsZhCN } from '../areas/settings/i18n/zh-CN';
import { teamEn } from '../areas/team/i18n/en';
import { teamZhCN } from '../areas/team/i18n/zh-CN';
import { commonEn } from './common/en';
import { commonZhCN } from './common/zh-CN';
import { domainEn } from './domain/en';
import { domainZhCN } from './domain/zh-CN';
import type { Translation } from './translation';

/**
 * Every namespace in zh-CN, the product's first language. `common` and `domain` are shared, and so
 * is `evidence` (its words live with the shared evidence components: the vault screen and the case
 * workspace both show them); each other area's namespace belongs to that area alone. The key types come from these objects.
 */
export const zhCNResources = {
  common: commonZhCN,
  domain: domainZhCN,
  inbox: inboxZhCN,
  cases: casesZhCN,
  workspace: workspaceZhCN,
  evidence: evidenceZhCN,
  settings: settingsZhCN,
  team: teamZhCN,
};

export type Namespace = keyof typeof zhCNResources;

const enResources: Translation<typeof zhCNResources> = {
  common: commonEn,
  domain: domainEn,
  inbox: inboxEn,
  cases: casesEn,
  workspace: workspaceEn,
  evidence: evidenceEn,
  settings: settingsEn,
  team: teamEn,
};

/** All words, bundled: initialisation needs no loading, so the first render already has them. */
export const resources = { 'zh-CN': zhCNResources, en: enResources } satisfies Record<Language, Translation<typeof zhCNResources>>;

export const namespaces = Object.keys(zhCNResources) as Namespace[];
