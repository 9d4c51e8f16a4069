import type { CaseStatus } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { CaseOutcome } from '../../../../shared/domain/sla';
import type { SeededRandom } from '../../../../shared/seeded-random';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A demo staff member who can be given work. */
export interface DemoMember {
  id: number;
  name: string;
  role: StaffRole;
}

/** A freshly imported case with its (backdated) opening and its targets' due times. */
export interface DemoCase {
  id: number;
  ownerRole: StaffRole;
  requiresAppeal: boolean;
  openedAt: number;
  firstDueAt: number;
  resolutionDueAt: number;
}

/** One thing a person did to a case, at a time in the past, through the cases service. */
export type DemoStep =
  | { at: number; actor: string; kind: 'assign'; assigneeId: number }
  | { at: number; actor: string; kind: 'transition'; to: CaseStatus; outcome?: CaseOutcome; note?: string; compensationCents?: number }
  | { at: number; actor: string; kind: 'pause'; note: string }
  | { at: number; actor: string; kind: 'resume' };

/**
 * How work spreads within a role: the first listed members carry more (a senior agent, the lead
 * supervisor), as on a real team.
 */
const shareWeights = [0.36, 0.28, 0.21, 0.15];

function pickWeighted<T>(random: SeededRandom, items: readonly T[]): T {
  const weights = items.map((_item, index) => shareWeights[index] ?? 0.1);
  let roll = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, item] of items.entries()) {
    roll -= weights[index] as number;
    if (roll <= 0) return item;
  }
  return items.at(-1) as T;
}

function between(random: SeededRandom, low: number, high: number): number {
  return low + random.next() * (high - low);
}

/** Who works a case of a category owned by `role`: a member of that role, the owner as the last resort. */
function assigneeFor(random: SeededRandom, team: readonly DemoMember[], role: StaffRole): DemoMember | undefined {
  const members = team.filter((member) => member.role === role);
  if (members.length > 0) return pickWeighted(random, members);
  return team.find((member) => member.role === 'owner');
}

const buyerReplies = ['买家已读未回', '等买家确认补发地址', '等买家上传照片', '买家说晚上再看'];
const offers = ['补发配件', '退差价', '换货', '部分退款', '优惠券补偿'];
const appealOutcomes: CaseOutcome[] = ['appeal_won', 'appeal_won', 'appeal_lost'];
const buyerOutcomes: CaseOutcome[] = ['review_updated', 'review_updated', 'review_removed', 'unchanged'];

/**
 * The history a case would have by `now` if the team had worked it: assigned within minutes,
 * first contact mostly within the first-response target (some late), a solution, sometimes a
 * wait for the buyer, resolution mostly in time, then guidance, the outcome and closing over the
 * following days. Steps after `now` are cut, so a case's state follows its age. A few cases of
 * the last days are left stuck (breached) or waiting on the buyer, as happens.
 */
export function planCaseHistory(random: SeededRandom, item: DemoCase, team: readonly DemoMember[], now: number): DemoStep[] {
  const steps: DemoStep[] = [];
  const assignee = assigneeFor(random, team, item.ownerRole);
  const lead = pickWeighted(random, team.filter((member) => member.role === 'supervisor')) ?? assignee;
  if (!assignee || !lead) return steps;
  let at = item.openedAt;
  const add = (step: DemoStep) => {
    if (step.at >= now - minute) return false;
    at = step.at;
    steps.push(step);
    return true;
  };
  // Agent work is handed out by the lead supervisor; supervisor and legal work is taken by its owner.
  const assigner = item.ownerRole === 'agent' ? lead.name : assignee.name;
  if (!add({ at: at + between(random, 0.5, 3) * minute, actor: assigner, kind: 'assign', assigneeId: assignee.id })) return steps;
  const firstMs = item.firstDueAt - item.openedAt;
  const lateContact = random.next() < 0.15;
  const contactAt = item.openedAt + firstMs * (lateContact ? between(random, 1.15, 2.5) : between(random, 0.25, 0.9));
  if (item.firstDueAt > now) return steps;
  if (!add({ at: Math.max(at + minute, contactAt), actor: assignee.name, kind: 'transition', to: 'contacting', note: '已联系买家' })) return steps;

  const age = now - item.openedAt;
  const live = item.resolutionDueAt > now;
  const roll = random.next();
  // Still within the resolution target: the case is being worked.
  if (live) {
    const elapsed = now - at;
    if (roll < 0.45) return steps;
    if (!add({ at: at + elapsed * between(random, 0.3, 0.6), actor: assignee.name, kind: 'transition', to: 'solution_offered', note: random.pick(offers), compensationCents: random.int(5, 40) * 100 })) return steps;
    if (roll < 0.75) return steps;
    add({ at: at + (now - at) * between(random, 0.3, 0.7), actor: assignee.name, kind: 'pause', note: random.pick(buyerReplies) });
    return steps;
  }
  // Of the last days, a few cases are stuck past their target or wait on the buyer.
  const stuck = age < 4 * day && roll < 0.12;
  const waiting = age < 2 * day && roll >= 0.12 && roll < 0.3;
  const resolutionMs = item.resolutionDueAt - at;
  const offerAt = at + resolutionMs * between(random, 0.15, 0.45);
  if (stuck) return steps;
  if (!add({ at: offerAt, actor: assignee.name, kind: 'transition', to: 'solution_offered', note: random.pick(offers), compensationCents: random.int(5, 45) * 100 })) return steps;
  if (waiting) {
    add({ at: at + between(random, 5, 30) * minute, actor: assignee.name, kind: 'pause', note: random.pick(buyerReplies) });
    return steps;
  }
  let pausedMs = 0;
  if (random.next() < 0.25) {
    if (!add({ at: at + between(random, 3, 20) * minute, actor: assignee.name, kind: 'pause', note: random.pick(buyerReplies) })) return steps;
    pausedMs = between(random, 1, 10) * hour;
    if (!add({ at: at + pausedMs, actor: assignee.name, kind: 'resume' })) return steps;
  }
  const dueAfterPause = item.resolutionDueAt + pausedMs;
  const lateResolution = random.next() < 0.15;
  const resolvedAt = lateResolution ? dueAfterPause + resolutionMs * between(random, 0.1, 0.8) : at + (dueAfterPause - at) * between(random, 0.2, 0.9);
  if (!add({ at: Math.max(at + minute, resolvedAt), actor: assignee.name, kind: 'transition', to: 'resolved', note: '买家接受方案' })) return steps;
  if (random.next() < 0.55 && !add({ at: at + between(random, 1, 8) * hour, actor: assignee.name, kind: 'transition', to: 'guidance_sent', note: '已引导买家追评' })) return steps;
  const outcome = random.pick(item.requiresAppeal ? appealOutcomes : buyerOutcomes);
  if (!add({ at: at + between(random, 0.5, 3) * day, actor: assignee.name, kind: 'transition', to: 'outcome', outcome })) return steps;
  add({ at: at + between(random, 2, 30) * hour, actor: random.next() < 0.5 ? lead.name : assignee.name, kind: 'transition', to: 'closed', note: '结案' });
  return steps;
}
