/** Words of the rules screen's classifier parts: product families on rules and the needs-review threshold. */
export const classifierZhCN = {
  family: '适用品类',
  familyHint: '「通用」的词对所有店铺都用；其他品类的词只用于卖这类商品的店铺（未设置品类的店铺用全部词）。',
  title: '待确认门槛',
  description: '系统给每个分类打分，把握低于这个门槛的差评不直接归类，而是进入「待确认分类」，由人来选。首次响应计时按候选分类中最严格的 SLA 走。',
  threshold: '把握门槛（%）',
  thresholdHint: '0–95；默认 45。调高会让更多工单进入待确认，调低则更多由系统直接归类。',
  saved: '已保存待确认门槛：{{percent}}%',
  savedHint: '之后导入的评价按新门槛判断；点「重新分类」可应用到已有工单。',
};
