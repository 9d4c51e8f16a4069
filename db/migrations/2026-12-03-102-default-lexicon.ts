import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

type Family = 'general' | 'electronics' | 'food' | 'beauty' | 'clothing' | 'appliances';
type Seed = { name: string; category: string; family: Family; priority: number; keywords: string[] };

/** The starting category rules as 2026-11-24-003-inbox seeded them, to tell whether the user edited them. */
const seeded: Record<string, string[]> = {
  恶意差评: ['返现删评', '给钱就改', '不退款就差评', '职业差评', '同行', '别家', '不赔就差评', '给我钱', '赔钱就改'],
  物流延误: ['物流', '快递', '发货慢', '不发货', '还没到', '延误', '配送', '几天才到', '太慢了', '催了'],
};

/**
 * The seeded rules the scorer reads differently: extortion and competitor wording is now found by
 * patterns (shared/rules/patterns.ts), and a mention of another shop (别家) is no evidence; "太慢了"
 * is as often the service as the delivery.
 */
const replaced: Record<string, string[]> = {
  恶意差评: ['恶意差评', '职业差评', '差评师', '职业打假', '故意差评'],
  物流延误: ['物流', '快递', '发货慢', '不发货', '还没到', '延误', '配送', '几天才到', '物流慢', '快递慢', '催了'],
};

/** What shops sell, per category and product family: the scorer's default lexicon (editable as rules). */
export const defaultLexicon: Seed[] = [
  { name: '物流延误 · 通用', category: 'logistics', family: 'general', priority: 50, keywords: ['才发货', '才收到', '天才到', '才到货', '乌龟', '慢死了', '送货慢', '没收到', '未收到', '显示签收', '显示已签收', '没送到', '迟迟不发货', '催发货', '发货太慢', '到货慢', '运输破损', '压坏了', '压扁', '丢件', '快递员', '驿站', '派送', '送货', '等了好久', '一个星期才到', '退回了', '物流太慢'] },
  { name: '服务态度 · 通用', category: 'service', family: 'general', priority: 60, keywords: ['价保', '价格保护', '不给补差价', '欺骗消费者', '回复慢', '没人理', '没人回', '推卸', '踢皮球', '售后', '拒绝退款', '不给退', '不给换', '不处理', '拉黑', '骂人', '机器人回复', '自动回复', '联系不上', '找不到人', '不负责', '服务态度', '态度恶劣', '态度差'] },
  { name: '产品质量 · 通用', category: 'quality', family: 'general', priority: 40, keywords: ['质量差', '坏的', '掉漆', '拉链坏', '断了', '生锈', '划痕', '污渍', '次品', '残次品', '劣质', '不好用', '难用', '没用几天', '用了几天就', '故障', '失灵', '没反应', '松动', '异响', '漏气', '变形', '褪色', '有问题', '刺鼻', '粗糙', '毛刺', '烂了', '坏掉'] },
  { name: '尺码/描述不符 · 通用', category: 'mismatch', family: 'general', priority: 30, keywords: ['和图上', '跟图上', '图上完全不', '和图片不一样', '跟描述不一样', '图片不符', '与图片', '和描述不', '与实物不符', '实物不符', '假的', '不是正品', '山寨', '仿品', '高仿', '以次充好', '虚假宣传', '和宣传不', '跟宣传不', '货不对版', '买家秀'] },
  { name: '漏发/错发 · 通用', category: 'wrong_item', family: 'general', priority: 20, keywords: ['赠品呢', '没送', '不送', '没发过来', '订单变成', '发成了', '少了东西', '赠品没有', '没有赠品', '发票没给', '没给发票', '没有发票', '发错颜色', '发错尺码', '颜色发错', '配件没有', '缺配件', '少了配件', '空盒', '数量不对', '缺少'] },
  { name: '产品质量 · 数码电子', category: 'quality', family: 'electronics', priority: 40, keywords: ['卡机', '卡得', '分辨率', '模糊', '像素', '失真', '不灵敏', '反应慢', '运行慢', '音质差', '声音变小', '自己关机', '关机', '容易碎', '亮度不够', '触控', '不灵', '充电要', '死机', '卡顿', '卡死', '很卡', '太卡', '好卡', '有点卡', '开不了机', '开不开机', '无法开机', '黑屏', '白屏', '花屏', '闪屏', '蓝屏', '发热', '发烫', '烫手', '电池', '掉电', '耗电', '续航', '充不进电', '充不上电', '充电慢', '不充电', '自动关机', '重启', '信号差', '没信号', '断网', '连不上', '触屏失灵', '坏点', '漏光', '闪退', '杂音', '电流声', '没声音', '拍照模糊'] },
  { name: '尺码/描述不符 · 数码电子', category: 'mismatch', family: 'electronics', priority: 30, keywords: ['翻新机', '翻新', '二手机', '被激活', '激活过', '不是新机', '拆封过', '官翻'] },
  { name: '产品质量 · 食品生鲜', category: 'quality', family: 'food', priority: 40, keywords: ['不新鲜', '烂', '坏果', '烂果', '变质', '发臭', '臭了', '馊', '有虫', '虫子', '虫眼', '异物', '头发', '太酸', '不甜', '没味道', '难吃', '干瘪', '空心', '化了', '冻坏', '腐烂', '口感差', '临期', '快过期', '拉肚子', '吃坏肚子', '胀袋', '漏气'] },
  { name: '尺码/描述不符 · 食品生鲜', category: 'mismatch', family: 'food', priority: 30, keywords: ['个头小', '果子小', '分量不足', '缺斤少两', '斤两不足', '不够称', '太小了'] },
  { name: '产品质量 · 美妆个护', category: 'quality', family: 'beauty', priority: 40, keywords: ['过敏', '发痒', '很痒', '头皮痒', '瘙痒', '起痘', '长痘', '闷痘', '烂脸', '刺痛', '泛红', '发红', '红肿', '头皮屑', '掉发', '脱发', '油腻', '拔干', '漏液', '漏了', '洒了', '结块', '分层', '变味', '辣眼睛', '没效果', '没有效果', '无效', '不起泡', '卡粉', '脱妆', '假货'] },
  { name: '产品质量 · 服装鞋包', category: 'quality', family: 'clothing', priority: 40, keywords: ['起毛', '张毛', '掉毛毛', '缝隙', '做工差', '起球', '掉色', '开线', '线头', '脱线', '掉毛', '缩水', '起皱', '勾丝', '破洞', '扣子掉', '串色', '染色', '太透', '太薄', '不透气', '扎人', '甲醛', '开胶', '磨脚'] },
  { name: '尺码/描述不符 · 服装鞋包', category: 'mismatch', family: 'clothing', priority: 30, keywords: ['号小', '码小', '号大', '码大', '那么大', '不合适', '偏大', '偏小', '色差', '太大', '太小', '码数', '大了一码', '小了一码', '不合身', '偏瘦', '偏肥', '偏长', '偏短', '尺寸不对', '颜色不对', '版型'] },
  { name: '产品质量 · 家用电器', category: 'quality', family: 'appliances', priority: 40, keywords: ['不加热', '不制热', '不制冷', '不出热水', '水温不稳', '忽冷忽热', '漏电', '噪音', '声音大', '跳闸', '烧了', '烧坏', '冒烟', '焦味', '报错', '不启动', '不转', '打不着火', '漏水', '温度不够'] },
  { name: '服务态度 · 家用电器', category: 'service', family: 'appliances', priority: 60, keywords: ['安装师傅', '安装费', '乱收费', '没人安装', '安装慢', '预约安装', '上门'] },
];

// Frozen in time: never edit once released; add a new migration instead.
export const defaultLexiconSeed: Migration = {
  async up(db: Kysely<any>) {
    const now = Date.now();
    // Only rules still exactly as seeded are changed: a rule the user edited is theirs.
    for (const [name, keywords] of Object.entries(replaced)) {
      await sql`
        UPDATE category_rules SET keywords_json = ${JSON.stringify(keywords)}, updated_at = ${now}
        WHERE name = ${name} AND keywords_json = ${JSON.stringify(seeded[name])}`.execute(db);
    }
    for (const rule of defaultLexicon) {
      await sql`
        INSERT INTO category_rules (name, category, keywords_json, priority, enabled, product_family, created_at, updated_at)
        SELECT ${rule.name}, ${rule.category}, ${JSON.stringify(rule.keywords)}, ${rule.priority}, 1, ${rule.family}, ${now}, ${now}
        WHERE NOT EXISTS (SELECT 1 FROM category_rules WHERE name = ${rule.name})`.execute(db);
    }
  },
};
