import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { boundedNumber, DATE_MAX, DATE_MIN, fenAmount, isoDate, MAX_FEN, shortText } from './common';

/**
 * Qualification criteria (资质认定条件) as shipped in resources/criteria/: versioned data with
 * its source, never code. Each set has a `kind` that names its evaluator
 * (shared/domain/qualification/); the numbers, bands and labels are all here, so a new
 * version of a measure is a new file.
 */

// ---------------------------------------------------------------------------------------------
// Building blocks of the data files

/** Points of a band: exact, or the range [low, high] an expert chooses within (高企's 工作指引). */
const pointsSchema = z.union([
  z.number().int().min(0).max(100),
  z.tuple([z.number().int().min(0).max(100), z.number().int().min(0).max(100)]).refine(([a, b]) => a <= b, '分值区间应为 [下限, 上限]'),
]);
export type BandPoints = z.output<typeof pointsSchema>;

/**
 * One band of a scored indicator. Bands are tried in order and the first that holds gives its
 * points; a value no band holds scores 0. Bounds are in the indicator's unit (percent, fen,
 * count, years): `atLeast` ≥, `above` >, `below` <, `atMost` ≤.
 */
export const bandSchema = z
  .object({
    atLeast: z.number().finite().optional(),
    above: z.number().finite().optional(),
    below: z.number().finite().optional(),
    atMost: z.number().finite().optional(),
    points: pointsSchema,
  })
  .strict()
  .refine((b) => !(b.atLeast !== undefined && b.above !== undefined), '下限只能写 atLeast 或 above 之一')
  .refine((b) => !(b.below !== undefined && b.atMost !== undefined), '上限只能写 below 或 atMost 之一');
export type Band = z.output<typeof bandSchema>;
const bands = z.array(bandSchema).min(1);

const meta = { label: z.string().min(1), weak: z.boolean().default(false), note: z.string().default('') };
const plain = z.object(meta).strict();
const percentNumber = z.number().min(0).max(100);
const minPercent = z.object({ ...meta, minPercent: percentNumber }).strict();
const maxPoints = z.number().int().min(1).max(100);
const scoredPlain = z.object({ ...meta, maxPoints }).strict();
const scoredBands = z.object({ ...meta, maxPoints, bands }).strict();

export const AWARD_LEVELS = ['national', 'provincial', 'municipal', 'other'] as const;
export const AWARD_LEVEL_LABELS: Record<(typeof AWARD_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  other: '其他',
};
export const STANDARD_LEVELS = ['international', 'national', 'industry', 'local', 'group'] as const;
export const STANDARD_LEVEL_LABELS: Record<(typeof STANDARD_LEVELS)[number], string> = {
  international: '国际标准',
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
};
export const INSTITUTION_LEVELS = ['national', 'provincial', 'municipal', 'below_municipal'] as const;
export const INSTITUTION_LEVEL_LABELS: Record<(typeof INSTITUTION_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省部级',
  municipal: '市级',
  below_municipal: '市级以下',
};
export const HONOURS = ['高新技术企业', '国家级技术创新示范企业', '知识产权优势企业', '知识产权示范企业'] as const;

/** A direct route on awards: any accepted (level, best rank) within the years. */
const awardRoute = z
  .object({
    ...meta,
    withinYears: z.number().int().min(1).max(50).nullable(),
    accept: z.array(z.object({ level: z.enum(AWARD_LEVELS), maxRank: z.number().int().min(1).nullable() }).strict()).min(1),
  })
  .strict();
const institutionRoute = z.object({ ...meta, levels: z.array(z.enum(INSTITUTION_LEVELS)).min(1) }).strict();
const standardRoute = z
  .object({ ...meta, withinYears: z.number().int().min(1).max(50), levels: z.array(z.enum(STANDARD_LEVELS)).min(1), leadOnly: z.boolean() })
  .strict();
const equityRoute = z.object({ ...meta, withinYears: z.number().int().min(1).max(20), minFen: fenAmount('股权融资门槛') }).strict();
const honourRoute = z.object({ ...meta, honours: z.array(z.enum(HONOURS)).min(1) }).strict();
/** IP tiers of the 优质中小企业 standards: 高价值Ⅰ类, 自主研发Ⅰ类, Ⅰ类, Ⅱ类. */
const ipTiers = z
  .object({
    ...meta,
    maxPoints,
    highValue: z.number().int().min(0),
    ownRd: z.number().int().min(0),
    class1: z.number().int().min(0),
    class2: z.number().int().min(0),
  })
  .strict();
/** R&D scored on the amount or the share of revenue, whichever gives more. */
const rdEither = z.object({ ...meta, maxPoints, amountBands: bands, ratioBands: bands }).strict();

const sourceSchema = z
  .object({
    /** The document number, e.g. 国科发火〔2016〕32号. */
    number: z.string().min(1),
    title: z.string().min(1),
    issuer: z.string().min(1),
    /** Articles used, related guidance. */
    detail: z.string().default(''),
  })
  .strict();

const header = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The qualification assessed, e.g. 高新技术企业. */
  qualification: z.string().min(1),
  title: z.string().min(1),
  version: z.string().min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  source: sourceSchema,
  /** True when some of the text could not be checked against the original; `note` says what. */
  weak: z.boolean(),
  note: z.string().default(''),
};

const gaoqiSet = z
  .object({
    ...header,
    kind: z.literal('gaoqi'),
    indicators: z
      .object({
        registered: z.object({ ...meta, minDays: z.number().int().min(1) }).strict(),
        coreIp: plain,
        keyField: plain,
        techStaff: minPercent,
        rdRatio: z
          .object({
            ...meta,
            bands: z
              .array(z.object({ revenueAtMostFen: fenAmount('销售收入分档').nullable(), minPercent: percentNumber }).strict())
              .min(1)
              .refine((bs) => bs.at(-1)!.revenueAtMostFen === null, '最后一档的 revenueAtMostFen 应为 null（以上各档之外）'),
          })
          .strict(),
        domesticRd: minPercent,
        highTechRevenue: minPercent,
        innovation: z.object({ ...meta, passPoints: z.number().int().min(1), maxPoints, ipMaxPoints: maxPoints }).strict(),
        goodStanding: plain,
        techAdvancement: scoredPlain,
        coreSupport: scoredPlain,
        ipQuantity: z.object({ ...meta, maxPoints, class1Points: pointsSchema, class2Bands: bands }).strict(),
        ipAcquisition: z.object({ ...meta, maxPoints, ownRdPoints: pointsSchema, acquiredOnlyPoints: pointsSchema }).strict(),
        standardsBonus: z.object({ ...meta, maxPoints, points: pointsSchema, levels: z.array(z.enum(STANDARD_LEVELS)).min(1) }).strict(),
        conversion: scoredBands,
        rdManagement: scoredPlain,
        netAssetGrowth: scoredBands,
        revenueGrowth: scoredBands,
      })
      .strict(),
  })
  .strict();

const kexiaoSet = z
  .object({
    ...header,
    kind: z.literal('kexiao'),
    indicators: z
      .object({
        resident: plain,
        staffLimit: z.object({ ...meta, max: z.number().int().min(1) }).strict(),
        revenueLimit: z.object({ ...meta, maxFen: fenAmount('销售收入上限', { max: MAX_FEN.enterprise }) }).strict(),
        assetsLimit: z.object({ ...meta, maxFen: fenAmount('资产总额上限', { max: MAX_FEN.enterprise }) }).strict(),
        notRestricted: plain,
        goodStanding: plain,
        score: z.object({ ...meta, passPoints: z.number().int().min(1), maxPoints }).strict(),
        techStaffScore: scoredBands,
        rdScore: z.object({ ...meta, maxPoints, revenueBands: bands, costBands: bands }).strict(),
        ipScore: z.object({ ...meta, maxPoints, class1Points: z.number().int().min(0), class2Bands: bands }).strict(),
        routeHighTech: honourRoute,
        routeAward: awardRoute,
        routeInstitution: institutionRoute,
        routeStandard: standardRoute,
      })
      .strict(),
  })
  .strict();

const chuangxinSet = z
  .object({
    ...header,
    kind: z.literal('chuangxin'),
    indicators: z
      .object({
        sme: plain,
        notRestricted: plain,
        goodStanding: plain,
        routeAward: awardRoute,
        routeHonour: honourRoute,
        routeInstitution: institutionRoute,
        routeEquity: equityRoute,
        score: z
          .object({
            ...meta,
            passPoints: z.number().int().min(1),
            maxPoints,
            groupMins: z
              .object({ innovation: z.number().int().min(0), growth: z.number().int().min(0), specialization: z.number().int().min(0) })
              .strict(),
          })
          .strict(),
        ipScore: ipTiers,
        rdScore: rdEither,
        mainGrowthScore: scoredBands,
        debtScore: scoredBands,
        fieldScore: z
          .object({ ...meta, maxPoints, strategicPoints: z.number().int().min(0), otherPoints: z.number().int().min(0) })
          .strict(),
        mainShareScore: scoredBands,
      })
      .strict(),
  })
  .strict();

const zhuanjingtexinSet = z
  .object({
    ...header,
    kind: z.literal('zhuanjingtexin'),
    indicators: z
      .object({
        sme: plain,
        notRestricted: plain,
        goodStanding: plain,
        niche: z.object({ ...meta, minYears: z.number().min(0) }).strict(),
        rdThreshold: z.object({ ...meta, minFen: fenAmount('研发费用门槛'), minPercent: percentNumber }).strict(),
        revenueThreshold: z
          .object({
            ...meta,
            minFen: fenAmount('营业收入门槛'),
            equityWithinYears: z.number().int().min(1).max(20),
            equityMinFen: fenAmount('股权融资门槛'),
          })
          .strict(),
        score: z.object({ ...meta, passPoints: z.number().int().min(1), maxPoints }).strict(),
        routeAward: awardRoute,
        routeRdAverage: z.object({ ...meta, years: z.number().int().min(1).max(3), minFen: fenAmount('研发费用均值门槛') }).strict(),
        routeEquity: equityRoute,
        routeChuangke: plain,
        mainShareScore: scoredBands,
        mainGrowthScore: scoredBands,
        nicheScore: z.object({ ...meta, maxPoints, yearsPerPoint: z.number().min(0.5) }).strict(),
        productFieldScore: z
          .object({
            ...meta,
            maxPoints,
            keyBreakthrough: z.number().int().min(0),
            sixFoundations: z.number().int().min(0),
            other: z.number().int().min(0),
          })
          .strict(),
        digitalScore: scoredBands,
        qualityScore: z.object({ ...meta, maxPoints, pointsEach: z.number().int().min(0) }).strict(),
        netMarginScore: scoredBands,
        debtScore: scoredBands,
        localScore: scoredPlain,
        ipScore: ipTiers,
        rdScore: rdEither,
        rdStaffScore: scoredBands,
        institutionScore: z
          .object({
            ...meta,
            maxPoints,
            levels: z
              .object({
                national: z.number().int().min(0),
                provincial: z.number().int().min(0),
                municipal: z.number().int().min(0),
                below_municipal: z.number().int().min(0),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const kechuangSet = z
  .object({
    ...header,
    kind: z.literal('kechuang'),
    indicators: z
      .object({
        rd: z
          .object({
            ...meta,
            minPercent: percentNumber,
            minAmountFen: fenAmount('累计研发投入门槛'),
            softwareMinPercent: percentNumber,
          })
          .strict(),
        rdStaff: minPercent,
        patents: z.object({ ...meta, min: z.number().int().min(0) }).strict(),
        growth: z.object({ ...meta, minCagrPercent: percentNumber, minLatestRevenueFen: fenAmount('营业收入门槛') }).strict(),
        exLeadingTech: plain,
        exAward: awardRoute,
        exMajorProject: plain,
        exImportSubstitution: plain,
        exPatents: z.object({ ...meta, min: z.number().int().min(1) }).strict(),
      })
      .strict(),
  })
  .strict();

export const criteriaSetSchema = z
  .discriminatedUnion('kind', [gaoqiSet, kexiaoSet, chuangxinSet, zhuanjingtexinSet, kechuangSet])
  .refine((s) => s.effectiveTo === null || s.effectiveTo >= s.effectiveFrom, {
    message: '失效日期不能早于生效日期',
    path: ['effectiveTo'],
  });
export type CriteriaSet = z.output<typeof criteriaSetSchema>;
export type CriteriaKind = CriteriaSet['kind'];
export type CriteriaOf<K extends CriteriaKind> = Extract<CriteriaSet, { kind: K }>;

// ---------------------------------------------------------------------------------------------
// The input: what a steward knows of an enterprise. Every field is optional; a missing one
// makes the indicators that need it 'unknown' (naming it), never 0. An empty list ([]) means
// "none", which is known.

const count = (label: string) => boundedNumber(label, 0, 1_000_000, { int: true, unit: ' 项' });
const people = (label: string) => boundedNumber(label, 0, 10_000_000, { int: true, unit: ' 人' });
const year = (label: string) => boundedNumber(label, Number(DATE_MIN.slice(0, 4)), Number(DATE_MAX.slice(0, 4)), { int: true });
const amount = (label: string) => fenAmount(label, { max: MAX_FEN.enterprise });
const signedAmount = (label: string) => fenAmount(label, { min: -MAX_FEN.enterprise, max: MAX_FEN.enterprise });

export const qualificationYear = z
  .object({
    year: year('年份'),
    /** 营业收入 / 销售收入 (主营业务收入 + 其他业务收入). */
    revenueFen: amount('营业收入').optional(),
    /** 主营业务收入. */
    mainRevenueFen: amount('主营业务收入').optional(),
    /** 研发费用 (研究开发费用). */
    rdFen: amount('研发费用').optional(),
    /** 在中国境内发生的研发费用. */
    domesticRdFen: amount('境内研发费用').optional(),
    /** 高新技术产品（服务）收入. */
    highTechRevenueFen: amount('高新技术产品（服务）收入').optional(),
    /** 总收入 (收入总额减不征税收入), the denominator of 高企's high-tech revenue share. */
    totalIncomeFen: amount('总收入').optional(),
    /** 成本费用支出总额 (主营业务成本、其他业务成本、销售、管理、财务费用之和). */
    costsFen: amount('成本费用支出总额').optional(),
    netAssetsFen: signedAmount('年末净资产').optional(),
    totalAssetsFen: amount('年末资产总额').optional(),
    totalLiabilitiesFen: amount('年末负债总额').optional(),
    netProfitFen: signedAmount('净利润').optional(),
  })
  .strict()
  .refine((y) => y.domesticRdFen === undefined || y.rdFen === undefined || y.domesticRdFen <= y.rdFen, {
    message: '境内研发费用不能大于研发费用',
    path: ['domesticRdFen'],
  })
  .refine((y) => y.mainRevenueFen === undefined || y.revenueFen === undefined || y.mainRevenueFen <= y.revenueFen, {
    message: '主营业务收入不能大于营业收入',
    path: ['mainRevenueFen'],
  });
export type QualificationYear = z.output<typeof qualificationYear>;

const yesNo = z.boolean({ message: '应为 true 或 false' });
const yearEvent = { year: year('年份') };

export const qualificationInput = z
  .object({
    /** The date of the self-check (default: today); windows such as 近三年 count back from its year. */
    asOf: isoDate.optional(),
    name: shortText(200).optional(),
    district: z.enum(DISTRICTS).optional(),
    foundedOn: isoDate.optional(),
    /** 职工总数 (在职、兼职和临时聘用人员). */
    employees: people('职工总数').optional(),
    /** 科技人员 (直接从事研发和相关技术创新活动，以及专门从事上述活动管理和提供直接服务的人员). */
    techStaff: people('科技人员数').optional(),
    /** 研发人员. */
    rdStaff: people('研发人员数').optional(),
    /** Up to three consecutive recent years, in any order. */
    years: z
      .array(qualificationYear)
      .max(3, '最多填写最近三个年度')
      .refine((ys) => new Set(ys.map((y) => y.year)).size === ys.length, '年份不能重复')
      .refine((ys) => {
        const sorted = ys.map((y) => y.year).sort((a, b) => a - b);
        return sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
      }, '年份应连续（如 2022、2023、2024）')
      .optional(),
    ip: z
      .object({
        /** 已授权的有效发明专利. */
        inventionGranted: count('授权发明专利数').optional(),
        /** 应用于主营业务（并能够产业化）的发明专利 (科创属性; 含国防专利). */
        inventionMainBusiness: count('应用于主营业务的发明专利数').optional(),
        utility: count('实用新型专利数').optional(),
        design: count('外观设计专利数').optional(),
        software: count('软件著作权数').optional(),
        /** Ⅰ类知识产权: 发明专利、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权等. */
        class1: count('Ⅰ类知识产权数').optional(),
        /** Ⅱ类知识产权: 实用新型、外观设计、软件著作权等（不含商标）. */
        class2: count('Ⅱ类知识产权数').optional(),
        /** Ⅰ类高价值知识产权 (优质中小企业标准). */
        class1HighValue: count('Ⅰ类高价值知识产权数').optional(),
        /** 自主研发的Ⅰ类知识产权. */
        class1OwnRd: count('自主研发的Ⅰ类知识产权数').optional(),
        /** Whether some of the IP came from the enterprise's own R&D (else only bought, donated, merged). */
        ownRd: yesNo.optional(),
      })
      .strict()
      .optional(),
    /** 近三年科技成果转化数 (total over the three years; 高企). */
    techConversions: count('近三年科技成果转化数').optional(),
    /** 新增股权融资 (合格机构投资者的实缴额) by year. */
    equity: z
      .array(z.object({ ...yearEvent, amountFen: amount('股权融资额') }).strict())
      .max(50)
      .optional(),
    awards: z
      .array(
        z
          .object({
            ...yearEvent,
            level: z.enum(AWARD_LEVELS),
            /** The enterprise's place among the award-winning units (1 = first). */
            rank: boundedNumber('获奖排名', 1, 1000, { int: true }).optional(),
            name: shortText(200).optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
    standards: z
      .array(z.object({ ...yearEvent, level: z.enum(STANDARD_LEVELS), lead: yesNo, name: shortText(200).optional() }).strict())
      .max(200)
      .optional(),
    rdInstitutions: z
      .array(z.object({ level: z.enum(INSTITUTION_LEVELS), name: shortText(200).optional() }).strict())
      .max(50)
      .optional(),
    /** Honours held and still valid. */
    honours: z.array(z.enum(HONOURS)).max(HONOURS.length).optional(),
    /** The steward's answers to yes/no conditions. */
    declarations: z
      .object({
        /** 在中国境内（不含港澳台）注册的居民企业. */
        residentEnterprise: yesNo.optional(),
        /** 符合《中小企业划型标准规定》的中小企业. */
        sme: yesNo.optional(),
        /** 近一年无重大安全、质量事故、严重环境违法或科研严重失信，未列入经营异常名录和严重违法失信名单. */
        goodStanding: yesNo.optional(),
        /** 产品（服务）不属于国家禁止、限制和淘汰类. */
        notRestrictedIndustry: yesNo.optional(),
        /** 拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权. */
        ownsCoreIp: yesNo.optional(),
        /** 核心技术属于《国家重点支持的高新技术领域》. */
        inKeyField: yesNo.optional(),
      })
      .strict()
      .optional(),
    /** 专精特新 / 创新型 facts. */
    market: z
      .object({
        /** 从事特定细分市场的年限. */
        nicheYears: boundedNumber('从事特定细分市场年限', 0, 200, { unit: ' 年' }).optional(),
        /** 主导产品属于《战略性新兴产业分类》. */
        strategicEmerging: yesNo.optional(),
        /** 主导产品所属领域: key_breakthrough 补短板/锻长板/填空白取得实际成效; six_foundations 工业"六基"、中华老字号或关键产业链龙头配套; other. */
        productField: z.enum(['key_breakthrough', 'six_foundations', 'other']).optional(),
        /** 数字化水平等级 (1–4 级). */
        digitalLevel: boundedNumber('数字化水平等级', 1, 4, { int: true }).optional(),
        provincialQualityAward: yesNo.optional(),
        qualityCertified: yesNo.optional(),
        ownBrand: yesNo.optional(),
        /** 近三年进入"创客中国"中小企业创新创业大赛全国 500 强企业组. */
        chuangkeTop500: yesNo.optional(),
      })
      .strict()
      .optional(),
    /** The steward's estimate of points that experts award (unknown without it). */
    selfScores: z
      .object({
        techAdvancement: boundedNumber('技术先进程度自评分', 0, 8, { int: true, unit: ' 分' }).optional(),
        coreSupport: boundedNumber('核心支持作用自评分', 0, 8, { int: true, unit: ' 分' }).optional(),
        rdManagement: boundedNumber('研究开发组织管理水平自评分', 0, 20, { int: true, unit: ' 分' }).optional(),
        localIndicators: boundedNumber('特色化指标自评分', 0, 15, { int: true, unit: ' 分' }).optional(),
      })
      .strict()
      .optional(),
    /** 科创属性 facts. */
    kechuang: z
      .object({
        softwareIndustry: yesNo.optional(),
        /** 按科创板第五套上市标准申报 (不适用营业收入指标). */
        listingStandard5: yesNo.optional(),
        leadingCoreTech: yesNo.optional(),
        majorProject: yesNo.optional(),
        importSubstitution: yesNo.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((x) => x.techStaff === undefined || x.employees === undefined || x.techStaff <= x.employees, {
    message: '科技人员数不能大于职工总数',
    path: ['techStaff'],
  })
  .refine((x) => x.rdStaff === undefined || x.employees === undefined || x.rdStaff <= x.employees, {
    message: '研发人员数不能大于职工总数',
    path: ['rdStaff'],
  });
export type QualificationInput = z.output<typeof qualificationInput>;
