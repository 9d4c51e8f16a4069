import type { PlatformId } from '../../../../shared/domain/platforms';
import type { StaffRole } from '../../../../shared/domain/roles';
import { platformIds } from '../../../../shared/domain/platforms';
import { seededRandom } from '../../../../shared/seeded-random';

/** The seed the "load demo data" action and `seed --demo` use, so every install sees the same shop. */
export const defaultDemoSeed = 20261124;

const surnames = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '林'];
const givenNames = ['敏', '娜', '强', '雪', '晨', '洋', '静', '磊', '婷', '杰', '丽', '涛', '芳', '鹏', '慧', '宇'];
const shopStems = ['木棉生活', '山野小铺', '青柠家居', '暖暖母婴', '鹿角数码', '竹里茶舍', '橙心果园', '白云户外'];
const shopSuffixes: Record<PlatformId, string> = {
  taobao: '小店',
  tmall: '旗舰店',
  douyin: '抖音小店',
  jd: '京东自营店',
  pinduoduo: '拼多多店',
  kuaishou: '快手小店',
};

/** Roles in the demo team: one owner and one legal, two supervisors, four agents. */
const demoRoles: StaffRole[] = ['owner', 'supervisor', 'supervisor', 'legal', 'agent', 'agent', 'agent', 'agent'];

export interface DemoPlan {
  shops: { platform: PlatformId; name: string }[];
  staff: { name: string; role: StaffRole }[];
}

/** The demo shop for a seed: same seed, same plan, on any machine. */
export function planDemoData(seed: number = defaultDemoSeed): DemoPlan {
  const random = seededRandom(seed);
  const [first, second] = random.sample(platformIds, 2) as [PlatformId, PlatformId];
  const stems = random.sample(shopStems, 2);
  const shops = [
    { platform: first, name: `${stems[0]}${shopSuffixes[first]}` },
    { platform: second, name: `${stems[1]}${shopSuffixes[second]}` },
  ];
  const names = new Set<string>();
  while (names.size < demoRoles.length) {
    names.add(`${random.pick(surnames)}${random.pick(givenNames)}`);
  }
  const staff = [...names].map((name, index) => ({ name, role: demoRoles[index] as StaffRole }));
  return { shops, staff };
}
