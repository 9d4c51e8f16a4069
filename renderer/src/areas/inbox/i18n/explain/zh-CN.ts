/** Words of the classification explanation (detail pane): the rule, the scorer's decision and its evidence. */
export const explainZhCN = {
  rule: '规则「{{rule}}」命中：{{words}}',
  ruleNoWords: '规则「{{rule}}」命中',
  manual: '人工设定',
  default: '没有分类规则命中，归为默认分类',
  needsReview: '待确认：找到了线索，但把握不足，请人工选择分类',
  model: '学习模型（{{count}} 条样本）',
  decision: '判断为「{{winner}}」，把握 {{confidence}}%',
  runnerUp: '次选「{{category}}」',
  secondary: '同时提到：{{categories}}',
  reasons: '依据',
  noReasons: '评价里没有能说明分类的词',
  pickGuess: '选一个分类：',
  machineGuess: '人工设定前，系统判断为「{{winner}}」（把握 {{confidence}}%）',
  effects: {
    complaint: '投诉',
    praise: '表扬，不算',
    negated: '否定，不算',
    pattern: '要挟模式',
    model: '模型',
  },
  reasonTip: '{{category}} · {{effect}} · 权重 {{weight}}',
};
