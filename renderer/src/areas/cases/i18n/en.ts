import type { Translation } from '../../../i18n/translation';
import type { casesZhCN } from './zh-CN';

/** English for the `cases` namespace: exactly the keys of zh-CN.ts. */
export const casesEn: Translation<typeof casesZhCN> = {
  title: 'Cases',
  subtitle: 'Most urgent first, with live countdowns.',
  tabs: {
    mine: 'My queue',
    board: 'Team board',
  },
  mineFor: '{{name}}’s queue',
  everyone: 'All open cases (nobody signed in)',
  empty: 'The queue is empty; nothing to handle.',
  colCase: 'Case',
  colStatus: 'Status',
  colCategory: 'Category',
  colAssignee: 'Assignee',
  colDue: 'Time left',
  caseNo: '#{{id}}',
  caseTitle: 'Case #{{id}}',
  unassigned: 'Unassigned',
  summary: 'Breached {{breached}} · Due soon {{warning}} · Running {{running}} · Paused {{paused}}',
  open: 'Open case #{{id}}',
  openReview: 'Show the review in the inbox',
  emptyDescription: 'Each negative review that needs handling becomes a case: who owns it, how far it has got and how long until it is overdue, at a glance.',
  pool: {
    title: 'Unclaimed',
    forRole: 'Cases routed to {{role}} that nobody holds yet (no one of the role was active when they opened or escalated). Claim one to move it to your queue.',
    everyRole: 'Every case nobody holds yet.',
    empty: 'No unclaimed cases.',
    claim: 'Claim',
    claimed: 'Claimed case #{{id}}',
  },
  board: {
    open: 'Open {{count}}',
    warning: 'Due soon {{count}}',
    breached: 'Breached {{count}}',
    paused: 'Paused {{count}}',
    unassigned: 'Unassigned',
    empty: 'No open cases',
  },
};
