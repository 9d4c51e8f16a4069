import { categoryLabels, roleLabels } from '../../../../shared/domain/labels';
/**
 * Names of the enumerations more than one area shows: levels, categories, statuses, severities, roles,
 * platforms, SLA states and targets, pause reasons, outcomes, built-in actors, languages and color schemes.
 * Chinese is the product's first language, so this object defines the `domain` namespace's keys.
 */
export const domainZhCN = {
  languages: {
    'zh-CN': '中文',
    en: 'English',
  },
  colorSchemes: {
    light: '浅色',
    dark: '深色',
    auto: '跟随系统',
  },
  levels: {
    bad: '差评',
    neutral: '中评',
    good: '好评',
  },
  categories: categoryLabels['zh-CN'],
  manualCategory: '人工设定的分类',
  productFamilies: {
    general: '通用',
    electronics: '数码电子',
    food: '食品生鲜',
    beauty: '美妆个护',
    clothing: '服装鞋包',
    appliances: '家用电器',
  },
  allFamilies: '不限（所有品类的词都用）',
  statuses: {
    new: '新建',
    contacting: '联系中',
    solution_offered: '已提供方案',
    resolved: '已解决',
    guidance_sent: '已发引导',
    outcome: '有结果',
    closed: '已关闭',
  },
  severities: {
    low: '低',
    medium: '中',
    high: '高',
    critical: '紧急',
  },
  roles: roleLabels['zh-CN'],
  platforms: {
    taobao: '淘宝',
    tmall: '天猫',
    douyin: '抖音',
    jd: '京东',
    pinduoduo: '拼多多',
    kuaishou: '快手',
  },
  slaStates: {
    running: '计时中',
    warning: '即将超时',
    breached: '已超时',
    paused: '已暂停',
    met: '已达成',
  },
  slaTargets: {
    first_response: '首次响应',
    resolution: '解决',
  },
  pauseReasons: {
    waiting_buyer: '等待买家回复',
    waiting_platform: '等待平台处理',
  },
  outcomes: {
    review_updated: '买家已修改评价',
    review_removed: '评价已删除',
    appeal_won: '申诉成功',
    appeal_lost: '申诉失败',
    unchanged: '评价未改变',
  },
  /** Built-in actors; staff names are shown as they are. */
  actors: {
    local: '本机用户',
    cli: '命令行',
    rules: '分类规则',
  },
};
