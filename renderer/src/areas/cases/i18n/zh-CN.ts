/**
 * Words of the cases area: the queue and the team board.
 * Chinese is the product's first language, so this object defines the `cases` namespace's keys.
 */
export const casesZhCN = {
  title: '工单',
  subtitle: '按紧急程度排序，倒计时实时更新。',
  tabs: {
    mine: '我的队列',
    board: '团队看板',
  },
  mineFor: '{{name}} 的队列',
  everyone: '全部进行中的工单（未登录）',
  empty: '队列是空的，没有需要处理的工单。',
  colCase: '工单',
  colStatus: '状态',
  colCategory: '分类',
  colAssignee: '负责人',
  colDue: '剩余时间',
  caseNo: '#{{id}}',
  caseTitle: '工单 #{{id}}',
  unassigned: '未分配',
  summary: '超时 {{breached}} · 即将超时 {{warning}} · 计时中 {{running}} · 暂停 {{paused}}',
  open: '打开工单 #{{id}}',
  openReview: '在收件箱查看评价',
  emptyDescription: '每条需要处理的差评都会变成一张工单：谁在负责、处理到了哪一步、离超时还有多久，一目了然。',
  pool: {
    title: '待认领',
    forRole: '分给{{role}}、暂时没人负责的工单（开单或升级时该角色无人在岗）。认领后进入你的队列。',
    everyRole: '所有暂时没人负责的工单。',
    empty: '没有待认领的工单。',
    claim: '认领',
    claimed: '已认领工单 #{{id}}',
  },
  board: {
    open: '进行中 {{count}}',
    warning: '即将超时 {{count}}',
    breached: '已超时 {{count}}',
    paused: '暂停 {{count}}',
    unassigned: '未分配',
    empty: '没有进行中的工单',
  },
};
