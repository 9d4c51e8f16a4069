import type { CaseCategory } from '../domain/reviews';

/**
 * The learned model's built-in examples: short complaints written for this project (never copied
 * from the review corpus), a few per category and product family, so a shop with no corrections
 * yet still gets a sensible opinion. The shop's corrections are added on top and weigh more.
 */
export const builtInExamples: Readonly<Record<CaseCategory, readonly string[]>> = {
  logistics: [
    '物流太慢了，一个星期才到',
    '快递慢得要命，催了好几次',
    '发货太慢，下单三天才发出',
    '显示已签收但我根本没收到',
    '快递员不送上门，让我自己去驿站取',
    '包裹被压扁了，外箱破损',
    '运输途中摔坏了，盒子都烂了',
    '物流信息一直不更新',
    '快递放在门口也不打电话',
    '到货晚了两天，耽误事',
    '洗发水在路上漏了一箱子',
    '包装太简陋，连个泡沫都没有',
    '配送太慢，说好次日达',
    '快递把货送错地址了',
  ],
  quality: [
    '用了两天就死机，经常卡顿',
    '开不了机，充不进电',
    '屏幕黑屏，还发热严重',
    '电池不耐用，半天就没电',
    '系统很卡，反应慢',
    '苹果不新鲜，好几个烂了',
    '水果坏了一半，还有发霉的',
    '吃起来酸涩，口感很差',
    '洗完头皮发痒，还起头皮屑',
    '用了过敏，怀疑是假货',
    '衣服起球严重，洗一次就掉色',
    '开线了，线头很多，做工差',
    '拉链坏了，扣子也掉了',
    '热水器漏水，加热很慢',
    '质量太差，用了一周就坏了',
    '散热不好，风扇声音很大',
    '有异味，材质很差',
    '掉漆，外壳有划痕',
  ],
  mismatch: [
    '和图片不符，颜色差太多',
    '实物与描述不一样，货不对版',
    '尺码偏小，按平时的码买穿不上',
    '衣服偏大一号，版型不对',
    '说好的大果，收到的很小',
    '宣传的功能根本没有，虚假宣传',
    '色差严重，跟详情页两个颜色',
    '描述的是纯棉，实际是化纤',
    '标的容量和实际不一样',
    '尺码不标准，缩水严重',
  ],
  wrong_item: [
    '少发了一件，只收到一个',
    '发错颜色了，我要的是黑色',
    '赠品没有收到',
    '发票没给，要了好几次',
    '买的两件发成了同一款',
    '配件不全，少了数据线',
    '发错尺码，订的L发了M',
    '说明书和保修卡都没有',
    '分量不足，少了好几斤',
    '发来的型号不是我下单的',
  ],
  service: [
    '客服态度太差，爱答不理',
    '问客服半天没人回复',
    '售后推来推去，不给解决',
    '退货退款拖了半个月',
    '客服回复太慢，问题一直没处理',
    '安装师傅乱收费，安装费太贵',
    '售后服务差，维修要等一个月',
    '客服说话很冲，很不耐烦',
    '申请换货一直不通过',
    '答应补偿，后来就不理人了',
  ],
  malicious: [
    '不给我返现我就天天来差评',
    '转我五十块钱我就删评',
    '赔钱就改好评，不然一直挂着',
    '我是同行，专门来给你刷差评',
    '职业差评，给钱就删',
  ],
  other: [
    '不满意',
    '差评',
    '一般般吧',
    '不好',
    '失望，不会再买了',
    '刚买就降价了',
    '价格比别处贵',
    '还没用，先给个评价',
    '不喜欢',
    '怎么安装，找谁装',
  ],
};

/** The built-in examples as a flat list, weight 1 each. */
export function builtInExampleList(): { text: string; category: CaseCategory; weight: number }[] {
  return (Object.entries(builtInExamples) as [CaseCategory, readonly string[]][]).flatMap(([category, texts]) => texts.map((text) => ({ text, category, weight: 1 })));
}
