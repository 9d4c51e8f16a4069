import type { EarlyCallsClient } from '../api/early-calls';
import { callInboxEarly } from '../areas/inbox/inbox-early-calls';
import { upcomingAreaIds, type AreaId } from './nav-areas';
import { lazyScreen } from './lazy-screen';

// Each area is its own chunk: the window starts with the shell and the area it opens on only.
export const InboxScreen = lazyScreen(() => import('../areas/inbox/inbox-screen').then((module) => module.InboxScreen));
export const RulesScreen = lazyScreen(() => import('../areas/inbox/rules/rules-screen').then((module) => module.RulesScreen));
export const ImportHistoryScreen = lazyScreen(() => import('../areas/inbox/imports/import-history-screen').then((module) => module.ImportHistoryScreen));
export const CasesScreen = lazyScreen(() => import('../areas/cases/cases-screen').then((module) => module.CasesScreen));
export const CaseWorkspaceScreen = lazyScreen(() => import('../areas/case-workspace/case-workspace-screen').then((module) => module.CaseWorkspaceScreen));
export const EvidenceScreen = lazyScreen(() => import('./evidence-screens').then((module) => module.EvidenceScreen));
export const CaseEvidenceScreen = lazyScreen(() => import('./evidence-screens').then((module) => module.CaseEvidenceScreen));
export const TeamScreen = lazyScreen(() => import('../areas/team/team-screen').then((module) => module.TeamScreen));
export const SettingsScreen = lazyScreen(() => import('../areas/settings/settings-screen').then((module) => module.SettingsScreen));

const areaPreloads: Partial<Record<AreaId, () => Promise<unknown>>> = {
  inbox: InboxScreen.preload,
  cases: CasesScreen.preload,
  // One chunk, two screens: both are ready when it is.
  evidence: () => Promise.all([EvidenceScreen.preload(), CaseEvidenceScreen.preload()]),
  team: TeamScreen.preload,
  settings: SettingsScreen.preload,
};

/** Starts loading the screens an area link leads to, e.g. while the pointer is over the link. */
export function preloadArea(id: AreaId): Promise<unknown> | undefined {
  return areaPreloads[id]?.();
}

/**
 * Starts loading the screen for a path before the app has asked the backend anything, so the
 * chunk arrives alongside app.status instead of after it. Unknown paths and `/` open the inbox;
 * the upcoming areas have no chunk of their own.
 */
export function preloadScreenFor(path: string): Promise<unknown> | undefined {
  const [first, second] = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (first === 'inbox' && second === 'rules') return RulesScreen.preload();
  if (first === 'inbox' && second === 'imports') return ImportHistoryScreen.preload();
  if (first === 'notifications') return CasesScreen.preload();
  if (first === 'cases' && second) return CaseWorkspaceScreen.preload();
  if (first && Object.hasOwn(areaPreloads, first)) return preloadArea(first as AreaId);
  if ((upcomingAreaIds as readonly (string | undefined)[]).includes(first)) return undefined;
  return InboxScreen.preload();
}

/**
 * Makes the first screen's own first calls while the shell renders (see withEarlyCalls). Only the
 * inbox, which the window opens on, has any; other paths wait for their screen as before.
 * Resolves (never rejects) once the answers its first render draws from are in.
 */
export function callFirstScreenEarly(client: EarlyCallsClient, path: string): Promise<unknown> | undefined {
  const [route, search = ''] = path.split('?');
  if (route === '/inbox') return callInboxEarly(client, new URLSearchParams(search.split('#')[0]));
  return undefined;
}
