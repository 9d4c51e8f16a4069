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
  /** Malicious-pattern flags, what raised each, and why a case has its category (inbox and case workspace). */
  flagEvidence: {
    extortion: '以钱款为条件要挟删改评价「{{words}}」',
    competitor: '评价者自称同行或职业差评「{{words}}」',
    compliance: '买家反映本店好评返现「{{words}}」，平台会因此处罚店铺',
    burst: '{{hours}} 小时内「{{product}}」收到 {{count}} 条差评，买家此前都没在本店评价过（{{from}} – {{to}}）',
    sameIp: '同一 IP {{value}} 被 {{buyerCount}} 个不同买家使用（{{buyers}}）',
    sameDevice: '同一设备 {{value}} 被 {{buyerCount}} 个不同买家使用（{{buyers}}）',
    moreBuyers: '{{buyers}} 等',
  },
  flags: {
    extortion: '勒索/返现删评',
    competitor: '同行恶意',
    burst: '集中差评',
    high_return_rate: '异常退货',
    same_device: '同 IP/设备',
    compliance_risk: '好评返现风险',
  },
  explain: {
    rule: '规则「{{rule}}」命中：{{words}}',
    ruleNoWords: '规则「{{rule}}」命中',
    manual: '人工设定',
    default: '没有分类规则命中，归为默认分类',
    needsReview: '待确认：找到了线索，但把握不足，请人工选择分类',
  },
};
