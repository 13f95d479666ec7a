/**
 * The lenders of the demo: Shenzhen banks active in IP-pledge loans, each head institution with
 * its branches (the pledgee is the branch's legal name), weighted roughly as the 2023
 * typical-cases list ranks them (中国银行 first, then 工商银行, 招商银行, 深圳农商银行, 微众银行
 * with many small online loans). Demo data only: the figures are not statistics.
 */
import type { District } from '../../../shared/domain/districts';
import type { Rng } from './random';

export interface DemoBank {
  /** As the loan records it (pledge.bank). */
  branch: string;
  /** The pledgee (质权人) as the contract names it. */
  pledgee: string;
  /** Short form used in contract numbers. */
  code: string;
  /** Lends small amounts online (微众银行). */
  online: boolean;
}

interface Institution {
  weight: number;
  code: string;
  online?: boolean;
  /** [branch as written, legal name]; a branch naming a district is more likely for enterprises there. */
  branches: readonly (readonly [string, string])[];
}

const INSTITUTIONS: readonly Institution[] = [
  {
    weight: 18,
    code: '中银深',
    branches: [
      ['中国银行深圳分行', '中国银行股份有限公司深圳市分行'],
      ['中国银行深圳南山支行', '中国银行股份有限公司深圳南山支行'],
      ['中国银行深圳宝安支行', '中国银行股份有限公司深圳宝安支行'],
      ['中国银行深圳福田支行', '中国银行股份有限公司深圳福田支行'],
      ['中国银行深圳龙岗支行', '中国银行股份有限公司深圳龙岗支行'],
    ],
  },
  {
    weight: 12,
    code: '工银深',
    branches: [
      ['工商银行深圳分行', '中国工商银行股份有限公司深圳市分行'],
      ['工商银行深圳高新园支行', '中国工商银行股份有限公司深圳高新园支行'],
      ['工商银行深圳宝安支行', '中国工商银行股份有限公司深圳宝安支行'],
    ],
  },
  {
    weight: 10,
    code: '招银深',
    branches: [
      ['招商银行深圳分行', '招商银行股份有限公司深圳分行'],
      ['招商银行深圳科技园支行', '招商银行股份有限公司深圳科技园支行'],
    ],
  },
  {
    weight: 8,
    code: '建银深',
    branches: [
      ['建设银行深圳市分行', '中国建设银行股份有限公司深圳市分行'],
      ['建设银行深圳南山支行', '中国建设银行股份有限公司深圳南山支行'],
      ['建设银行深圳龙华支行', '中国建设银行股份有限公司深圳龙华支行'],
    ],
  },
  {
    weight: 9,
    code: '深农商',
    branches: [
      ['深圳农商银行', '深圳农村商业银行股份有限公司'],
      ['深圳农商银行光明支行', '深圳农村商业银行股份有限公司光明支行'],
      ['深圳农商银行宝安支行', '深圳农村商业银行股份有限公司宝安支行'],
      ['深圳农商银行龙岗支行', '深圳农村商业银行股份有限公司龙岗支行'],
    ],
  },
  { weight: 8, code: '微众', online: true, branches: [['微众银行', '深圳前海微众银行股份有限公司']] },
  { weight: 6, code: '交银深', branches: [['交通银行深圳分行', '交通银行股份有限公司深圳分行']] },
  {
    weight: 6,
    code: '平银深',
    branches: [
      ['平安银行深圳分行', '平安银行股份有限公司深圳分行'],
      ['平安银行深圳福田支行', '平安银行股份有限公司深圳福田支行'],
    ],
  },
  { weight: 4, code: '农银深', branches: [['农业银行深圳市分行', '中国农业银行股份有限公司深圳市分行']] },
  { weight: 3, code: '北银深', branches: [['北京银行深圳分行', '北京银行股份有限公司深圳分行']] },
  { weight: 3, code: '杭银深', branches: [['杭州银行深圳分行', '杭州银行股份有限公司深圳分行']] },
  { weight: 3, code: '甬银深', branches: [['宁波银行深圳分行', '宁波银行股份有限公司深圳分行']] },
  { weight: 3, code: '兴银深', branches: [['兴业银行深圳分行', '兴业银行股份有限公司深圳分行']] },
  { weight: 2, code: '浦银深', branches: [['浦发银行深圳分行', '上海浦东发展银行股份有限公司深圳分行']] },
  { weight: 2, code: '信银深', branches: [['中信银行深圳分行', '中信银行股份有限公司深圳分行']] },
  { weight: 2, code: '光银深', branches: [['光大银行深圳分行', '中国光大银行股份有限公司深圳分行']] },
  { weight: 2, code: '邮储深', branches: [['邮储银行深圳分行', '中国邮政储蓄银行股份有限公司深圳分行']] },
];

const HEADS = INSTITUTIONS.map((inst) => [inst, inst.weight] as const);

/** A lender for an enterprise of `district`: an institution by weight, then a branch (one in the district more likely). */
export function pickBank(r: Rng, district: District): DemoBank {
  const inst = r.weighted(HEADS);
  const [branch, pledgee] = r.weighted(inst.branches.map((b) => [b, b[0].includes(district) ? 4 : 1] as const));
  return { branch, pledgee, code: inst.code, online: inst.online === true };
}

/** Service firms named in the demo (fictitious). */
export const APPRAISERS = ['深圳市知衡资产评估有限公司', '深圳市衡智知识产权评估有限公司', '深圳市鹏估资产评估事务所'];
export const AGENTS = ['深圳市智权知识产权代理有限公司', '深圳市鹏知专利代理事务所（普通合伙）', ''];
export const OFFICER_SURNAMES = ['王', '李', '张', '刘', '陈', '黄', '周', '吴', '郑', '冯'];
export const GUARANTORS = ['深圳担保集团', '深圳市高新投融资担保有限公司'];
