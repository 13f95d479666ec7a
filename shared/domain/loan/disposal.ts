/**
 * Default and disposal of the pledged IP (质物处置), with the routes used in Shenzhen
 * (深知联〔2022〕2号, DOMAIN.md §5): each route's usual steps and parties, and the recovery rate —
 * what came back to the lender (its share of the proceeds, insurance, compensation) over the
 * loss at default.
 */
export const DISPOSAL_ROUTES = ['reverse_licence', 'operator_trade', 'debt_to_equity', 'third_party_manager', 'judicial'] as const;
export type DisposalRoute = (typeof DISPOSAL_ROUTES)[number];

export const ROUTE_INFO: Record<DisposalRoute, { label: string; parties: string[]; steps: string[] }> = {
  reverse_licence: {
    label: '反向许可',
    parties: ['质权银行', '出质企业'],
    steps: ['协商反向许可方案', '签订许可协议', '许可费划入还款账户', '许可费收取完毕'],
  },
  operator_trade: {
    label: '运营机构交易或拍卖',
    parties: ['质权银行', '知识产权运营机构', '受让方'],
    steps: ['委托处置或集中收储', '评估作价', '挂牌或洽谈', '拍卖或成交', '办理转让登记', '价款划付'],
  },
  debt_to_equity: {
    label: '债转股',
    parties: ['质权银行（或其投资机构）', '出质企业'],
    steps: ['协商转股方案', '评估作价', '签订债转股协议', '办理股权变更登记'],
  },
  third_party_manager: {
    label: '第三方管理人运营（许可、转让、作价入股）',
    parties: ['质权银行', '第三方管理人', '被许可方或受让方'],
    steps: ['签订委托管理协议', '约定收益分成', '许可、转让或作价入股', '收益按约定分配'],
  },
  judicial: {
    label: '司法处置',
    parties: ['质权银行', '人民法院', '拍卖机构'],
    steps: ['起诉或申请实现担保物权', '判决或裁定', '评估与司法拍卖', '执行款到位'],
  },
};

export interface DefaultRecord {
  declaredOn: string;
  cause: string;
  /** At the day of default, from the servicing: what is owed. */
  outstandingPrincipalFen: number;
  outstandingInterestFen: number;
}

export interface Disposal {
  route: DisposalRoute;
  startedOn: string;
  steps: { name: string; party: string; doneOn: string | null; note: string }[];
  proceeds: { receivedOn: string; amountFen: number; note: string }[];
  lenderSharePercent: number;
  closedOn: string | null;
}

export interface Recovery {
  lossFen: number;
  proceedsFen: number;
  /** The lender's share of the proceeds (floor). */
  lenderProceedsFen: number;
  insuranceFen: number;
  compensationFen: number;
  recoveredFen: number;
  /** recovered ÷ loss, 0–1 (null when nothing was lost). */
  rate: number | null;
}

export const lossAtDefault = (d: DefaultRecord): number => d.outstandingPrincipalFen + d.outstandingInterestFen;

export function recoveryOf(d: DefaultRecord, disposal: Disposal | null, insuranceFen = 0, compensationFen = 0): Recovery {
  const lossFen = lossAtDefault(d);
  const proceedsFen = disposal ? disposal.proceeds.reduce((s, p) => s + p.amountFen, 0) : 0;
  const lenderProceedsFen = disposal ? Math.floor((proceedsFen * Math.round(disposal.lenderSharePercent * 100)) / 10000) : 0;
  const recoveredFen = lenderProceedsFen + insuranceFen + compensationFen;
  return {
    lossFen,
    proceedsFen,
    lenderProceedsFen,
    insuranceFen,
    compensationFen,
    recoveredFen,
    rate: lossFen ? recoveredFen / lossFen : null,
  };
}

/** Recovery by route over many defaults: the sums, and the rate of the sums (not an average of rates). */
export function recoveryByRoute(
  cases: readonly { route: DisposalRoute | null; lossFen: number; recoveredFen: number }[],
): { route: DisposalRoute | 'none'; count: number; lossFen: number; recoveredFen: number; rate: number | null }[] {
  const by = new Map<DisposalRoute | 'none', { count: number; lossFen: number; recoveredFen: number }>();
  for (const c of cases) {
    const k = c.route ?? 'none';
    const g = by.get(k) ?? { count: 0, lossFen: 0, recoveredFen: 0 };
    g.count++;
    g.lossFen += c.lossFen;
    g.recoveredFen += c.recoveredFen;
    by.set(k, g);
  }
  const order = [...DISPOSAL_ROUTES, 'none'] as const;
  return order
    .filter((k) => by.has(k))
    .map((route) => {
      const g = by.get(route)!;
      return { route, ...g, rate: g.lossFen ? g.recoveredFen / g.lossFen : null };
    });
}
