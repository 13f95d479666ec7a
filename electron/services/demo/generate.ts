/**
 * Realistic demo data, generated (never copied from real companies): enterprises across
 * Shenzhen's districts with valid credit codes, their patents, trademarks and software
 * copyrights with valid numbers, yearly whitelist batches over five years, and behind the
 * entries the service cases a steward worked (case-plan.ts): visits, loans registered with
 * CNIPA, payments and subsidy applications, at every stage, all written by the app's mutations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays, addYears, todayIso } from '../../../shared/domain/dates';
import type { District } from '../../../shared/domain/districts';
import { QUALIFICATIONS, type Qualification } from '../../../shared/domain/enterprise';
import { legalExpiry, type IpKind, type LegalStatus } from '../../../shared/domain/ip';
import type { EntryStatus } from '../../../shared/domain/whitelist';
import { AppError } from '../../../shared/errors';
import type { Policy } from '../../../shared/schemas/policy';
import type { EnterpriseData } from '../../../shared/schemas/enterprise';
import type { IpAssetData } from '../../../shared/schemas/ip';
import { patentCheckDigit } from '../../../shared/validators/patent';
import { USCC_ALPHABET, usccCheckChar } from '../../../shared/validators/uscc';
import { enterpriseStatements, type WriteContext } from '../enterprises/repository';
import { newId } from '../ids';
import { ipStatements } from '../ip/repository';
import { loadPolicies } from '../policies/load';
import type { LocalResources } from '../sync/local';
import { getPool } from '../loans/pools';
import { batchStatements, entryStatements } from '../whitelist/repository';
import { caseTimeline, planCase, surveyYear, type DemoItem, type Timeline } from './case-plan';
import { emptyTally, runCasePlan, type CaseTally } from './cases';
import { mixSeed, rng, type Rng } from './random';

const DISTRICT_WEIGHTS: readonly (readonly [District, number])[] = [
  ['南山', 26],
  ['宝安', 18],
  ['龙岗', 14],
  ['福田', 10],
  ['龙华', 10],
  ['光明', 7],
  ['坪山', 5],
  ['罗湖', 4],
  ['盐田', 2],
  ['大鹏新区', 2],
  ['深汕特别合作区', 2],
];
const DISTRICT_CODES: Record<District, string> = {
  福田: '04',
  罗湖: '03',
  盐田: '08',
  南山: '05',
  宝安: '06',
  龙岗: '07',
  龙华: '09',
  坪山: '10',
  光明: '11',
  大鹏新区: '12',
  深汕特别合作区: '13',
};
const STREETS: Record<District, string[]> = {
  福田: ['福田街道', '沙头街道', '梅林街道', '华富街道'],
  罗湖: ['桂园街道', '笋岗街道', '清水河街道'],
  盐田: ['沙头角街道', '盐田街道'],
  南山: ['粤海街道', '西丽街道', '桃源街道', '蛇口街道', '南头街道'],
  宝安: ['新安街道', '西乡街道', '福永街道', '沙井街道', '石岩街道'],
  龙岗: ['坂田街道', '布吉街道', '横岗街道', '平湖街道'],
  龙华: ['观澜街道', '民治街道', '大浪街道', '龙华街道'],
  坪山: ['坑梓街道', '坪山街道', '石井街道'],
  光明: ['光明街道', '凤凰街道', '玉塘街道', '马田街道'],
  大鹏新区: ['葵涌街道', '大鹏街道'],
  深汕特别合作区: ['鹅埠镇', '鲘门镇'],
};
const SYLLABLES = [
  '星',
  '锐',
  '芯',
  '智',
  '联',
  '云',
  '图',
  '恒',
  '信',
  '微',
  '光',
  '谷',
  '科',
  '创',
  '源',
  '达',
  '鹏',
  '海',
  '瑞',
  '腾',
  '博',
  '晟',
  '睿',
  '启',
  '航',
  '迅',
  '盈',
  '华',
  '宇',
  '泰',
  '朗',
  '汇',
  '凯',
  '德',
  '拓',
  '擎',
];
const INDUSTRIES = [
  ['电子信息', '电子'],
  ['新能源', '能源'],
  ['生物医药', '生物'],
  ['智能制造', '智能装备'],
  ['新材料', '材料'],
  ['软件和信息服务', '软件'],
  ['精密仪器', '仪器'],
  ['光电', '光电'],
  ['医疗器械', '医疗器械'],
  ['汽车电子', '汽车电子'],
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '林', '何', '郭', '罗'];
const GIVEN = ['晓明', '思远', '嘉怡', '志强', '雅琴', '俊杰', '子涵', '文博', '欣然', '海峰', '丽娜', '建国', '梓萱', '浩然'];
const TITLES = [
  '一种基于深度学习的图像识别方法',
  '一种高效散热的电源模块',
  '一种柔性电路板及其制备方法',
  '一种锂电池极片涂布装置',
  '智能巡检机器人',
  '一种低功耗无线传感节点',
  '一种医用导管及其制造方法',
  '多层陶瓷电容器的制备方法',
  '一种光学镜头模组',
  '一种储能变流器的控制方法',
  '便携式检测仪外壳',
  '一种半导体封装结构',
  '数据采集终端',
  '一种新型复合材料及其应用',
  '一种电机驱动电路',
];
const UNIVERSITIES = ['深圳某大学', '某科技研究院'];

function name(r: Rng): { name: string; industry: string } {
  const [industry, word] = r.pick(INDUSTRIES);
  const brand = r.pick(SYLLABLES) + r.pick(SYLLABLES);
  return { name: `深圳市${brand}${word}${r.pick(['科技', '技术', '股份'])}有限公司`, industry };
}

function uscc(r: Rng, district: District, serial: number): string {
  // 91 (company, market regulator) + 4403xx (Shenzhen district) + 9-character organisation code.
  const org = Array.from({ length: 4 }, () => r.pick([...USCC_ALPHABET])).join('') + String(serial).padStart(5, '0').slice(-5);
  const body = `914403${DISTRICT_CODES[district]}${org}`.slice(0, 17);
  return body + usccCheckChar(body);
}

function patentNumber(year: number, type: '1' | '2' | '3', serial: number): string {
  const body = `${year}${type}${String(serial).padStart(7, '0')}`;
  return body + patentCheckDigit(body);
}

function isoDate(r: Rng, fromYear: number, toYear: number): string {
  return `${r.int(fromYear, toYear)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

export interface DemoOptions {
  enterprises: number;
  /** Average IP items per enterprise. */
  ipPerEnterprise?: number;
  /** Share of enterprises on a whitelist. */
  whitelistShare?: number;
  /** Service cases behind the whitelist entries (default true); without them entries get a status only. */
  cases?: boolean;
  /** Where the subsidy policies are (resources/); by default ./resources when it exists. Without policies no subsidy is applied for. */
  resourcesDir?: string;
  seed?: number;
  today: string;
  ctx: WriteContext;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export interface DemoResult extends Omit<CaseTally, 'firstRefusal'> {
  enterprises: number;
  ipAssets: number;
  entries: number;
  /** Rows that already existed (by credit code, IP number, batch and enterprise): left as they are. */
  kept: number;
  firstRefusal?: string;
}

/** Share of whitelist entries with a service case (the rest are still to be visited). */
const CASE_SHARE = 0.8;
/** The n-th point of an even spread over [0, 1) in two dimensions (Kronecker sequence of the plastic number). */
const spread = (n: number, dim: 0 | 1) => ((n + 1) * [0.7548776662466927, 0.5698402909980532][dim]!) % 1;

function demoPolicies(dir: string | undefined): Policy[] {
  const resources = dir ?? path.resolve('resources');
  if (!fs.existsSync(path.join(resources, 'policies'))) return [];
  return loadPolicies(resources);
}

/** The instant of a day, for records made on it (before the steward's working day). */
const morning = (day: string) => `${day}T01:00:00.000Z`;

export function generateDemo(db: Database, o: DemoOptions): DemoResult {
  const seed = o.seed ?? 20231;
  const r = rng(seed);
  const ipPer = o.ipPerEnterprise ?? 3;
  const share = o.whitelistShare ?? 0.6;
  const year = Number(o.today.slice(0, 4));
  // The schemas refuse dates after today on this machine's clock, so the demo never goes past it.
  const today = minDate(o.today, todayIso());
  const withCases = o.cases ?? true;
  const policies = withCases ? demoPolicies(o.resourcesDir) : [];
  const resources: LocalResources = {
    products: [],
    policy: (id) => {
      const p = policies.find((x) => x.id === id);
      if (!p) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的贴息政策`);
      return p;
    },
    pool: (id) => getPool(o.resourcesDir ?? path.resolve('resources'), id),
  };
  const tally = emptyTally();
  const result = { enterprises: 0, ipAssets: 0, entries: 0, kept: 0 };
  const stewards = Array.from(
    { length: Math.max(4, Math.min(40, Math.ceil(o.enterprises / 60))) },
    (_, i) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
  );
  /** Created on `day` (never after now), by the run's actor. */
  const on = (day: string): WriteContext => (morning(day) < o.ctx.now ? { actor: o.ctx.actor, now: morning(day) } : o.ctx);

  db.transaction(() => {
    const ent = enterpriseStatements(db);
    const ip = ipStatements(db);
    const batches = batchStatements(db);
    const entries = entryStatements(db);
    // Demo data only adds: a row that exists already may carry the user's edits.
    const known = {
      enterprise: db.prepare('SELECT id FROM enterprises WHERE uscc = ?').pluck(),
      ip: db.prepare('SELECT 1 FROM ip_assets WHERE number = ?').pluck(),
      entry: db.prepare('SELECT 1 FROM whitelist_entries WHERE batch_id = ? AND enterprise_id = ?').pluck(),
    };
    const batchIds = new Map<string, string>();
    let patentSerial = r.int(100000, 900000);
    const thisSurvey = surveyYear(addDays(today, -14));
    let caseCount = 0;

    for (let i = 0; i < o.enterprises; i++) {
      // Often enough that a cancel is felt within a second even with every case's mutations.
      if (i % 100 === 0) {
        if (o.isCancelled?.()) throw new AppError('CONFLICT', '已取消，演示数据未写入');
        o.onProgress?.(i, o.enterprises);
      }
      // The whitelist and the case come from the enterprise's own stream, so they never shift the others.
      const w = rng(mixSeed(seed, i));
      const listed = w.chance(share);
      const timeline: Timeline | null =
        listed && withCases && w.chance(CASE_SHARE) ? caseTimeline(spread(caseCount, 0), spread(caseCount++, 1), today) : null;
      // An enterprise with a case existed, with some IP, years before its first visit.
      const caseYear = timeline ? Number(timeline.firstVisit.slice(0, 4)) : year;
      const district = r.weighted(DISTRICT_WEIGHTS);
      const { name: entName, industry } = name(r);
      const founded = isoDate(r, year - 20, Math.min(year - 1, caseYear - 3));
      const revenueWan = r.int(200, 50000);
      const quals = QUALIFICATIONS.filter((_, qi) => r.chance([0.55, 0.25, 0.6, 0.35][qi]!)) as Qualification[];
      const data: EnterpriseData = {
        name: entName,
        uscc: uscc(r, district, i),
        district,
        street: r.pick(STREETS[district]),
        address: `深圳市${district}${district.endsWith('区') ? '' : '区'}${r.pick(STREETS[district])}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}路${r.int(1, 300)}号`,
        industry,
        foundedOn: founded,
        registeredCapitalFen: r.int(50, 10000) * 1_000_000,
        employees: r.int(8, 1200),
        revenueFen: revenueWan * 1_000_000,
        rdFen: Math.round(revenueWan * r.int(3, 25)) * 10_000,
        qualifications: quals,
        contacts: [
          {
            name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
            role: r.pick(['财务总监', '总经理', '知识产权专员', '董事长助理']),
            phone: `13${r.int(0, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
          },
        ],
        notes: '',
      };
      const survey = listed ? (timeline ? Math.min(surveyYear(timeline.firstVisit), thisSurvey) : thisSurvey) : null;
      const surveyedOn = survey === null ? null : minDate(`${survey}-03-01`, addDays(today, -14));
      // An enterprise on a whitelist was recorded when it was surveyed; its IP items when they were.
      const created = surveyedOn ? on(minDate(surveyedOn, timeline?.firstVisit ?? surveyedOn)) : o.ctx;

      const existingId = known.enterprise.get(data.uscc) as string | undefined;
      const enterpriseId = existingId ?? ent.upsert(data, created).id;
      if (existingId) result.kept++;
      else result.enterprises++;

      const items: DemoItem[] = [];
      const count = Math.max(0, Math.round(ipPer + (r.next() - 0.5) * ipPer));
      for (let k = 0; k < count; k++) {
        const filedBy = timeline && k === 0 ? caseYear - 3 : year - 1;
        const asset = ipAsset(r, { enterpriseId, entName, founded, filedBy, year, today: o.today, i, k, serial: patentSerial++ });
        if (known.ip.get(asset.number)) result.kept++;
        else {
          const since = asset.grantDate ?? asset.registrationDate ?? asset.publishedOn ?? asset.filingDate;
          const ctx = surveyedOn && since ? on(maxDate(created.now.slice(0, 10), addDays(since, 1))) : created;
          items.push({ ...asset, id: ip.upsert(asset, ctx).id });
          result.ipAssets++;
        }
      }

      if (survey === null || surveyedOn === null) continue;
      const batchName = `${survey}年${district}白名单第一批`;
      let batchId = batchIds.get(batchName);
      if (!batchId) {
        batchId = batches.ensure({ name: batchName, district, surveyedOn, source: `${district}科创局摸排` }, on(surveyedOn)).id;
        batchIds.set(batchName, batchId);
      }
      const steward = w.pick(stewards);
      const needFen = w.int(10, 300) * 10 * 1_000_000;
      const needTermMonths = w.pick([6, 12, 12, 12, 24, 36]);
      const priority = w.int(1, 3);
      // Without cases an entry shows a status only; with them it starts 待走访 and the case moves it.
      const status: EntryStatus = withCases
        ? '待走访'
        : w.weighted<EntryStatus>([
            ['待走访', 30],
            ['已走访', 22],
            ['推进中', 20],
            ['已放款', 15],
            ['暂缓', 8],
            ['不符合', 5],
          ]);
      const entry = {
        batchId,
        enterpriseId,
        status,
        steward,
        needFen,
        needTermMonths,
        priority,
        lastVisitOn: status === '待走访' ? null : addDays(today, -w.int(1, 120)),
      };
      if (known.entry.get(batchId, enterpriseId)) {
        result.kept++;
        continue;
      }
      const entryId = entries.upsert(entry, on(surveyedOn)).id;
      result.entries++;
      // Cases only for what this run created: an existing enterprise may carry the user's own work.
      if (!timeline || existingId) continue;
      const subject = {
        serial: i,
        enterpriseId,
        entryId,
        name: entName,
        district,
        address: data.address,
        steward,
        needFen,
        needTermMonths,
        items,
      };
      runCasePlan(
        db,
        planCase(w, subject, timeline, policies, today, () => newId()),
        steward,
        today,
        resources,
        tally,
      );
    }
    o.onProgress?.(o.enterprises, o.enterprises);
  }).immediate();
  return { ...result, ...tally };
}

interface AssetSeed {
  enterpriseId: string;
  entName: string;
  founded: string;
  /** The latest filing year. */
  filedBy: number;
  year: number;
  today: string;
  i: number;
  k: number;
  serial: number;
}

/** One patent, trademark or software copyright with a valid number and a consistent legal state. */
function ipAsset(r: Rng, s: AssetSeed): IpAssetData {
  const { enterpriseId, entName, founded, year, today, i, k } = s;
  const kind = r.weighted<IpKind>([
    ['invention', 35],
    ['utility', 40],
    ['design', 10],
    ['trademark', 8],
    ['software', 7],
  ]);
  const span = kind === 'invention' ? 14 : kind === 'trademark' || kind === 'software' ? 12 : 8;
  const filing = isoDate(r, Math.min(s.filedBy, Math.max(Number(founded.slice(0, 4)), year - span)), s.filedBy);
  let status = r.weighted<LegalStatus>([
    ['granted', 85],
    ['pending', 7],
    ['lapsed', 6],
    ['invalidated', 2],
  ]);
  if (status === 'pending' && (kind === 'trademark' || kind === 'software')) status = 'granted';
  const expiry = legalExpiry({ kind, filingDate: filing });
  if (expiry && expiry <= today && status === 'granted') status = 'lapsed';
  if (kind === 'trademark' || kind === 'software') {
    return {
      enterpriseId,
      kind,
      number:
        kind === 'trademark'
          ? String(r.int(10000000, 69999999)) + String(i).padStart(4, '0')
          : `${filing.slice(0, 4)}SR${String(r.int(0, 9999999)).padStart(7, '0')}${k}`,
      title:
        kind === 'trademark'
          ? `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}`
          : `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}数据管理平台V${r.int(1, 5)}.0`,
      filingDate: filing,
      grantDate: null,
      // A mark registers 200–500 days after filing, never after today.
      registrationDate: kind === 'trademark' ? minDate(addDays(filing, r.int(200, 500)), addDays(today, -1)) : null,
      validUntil: null,
      publishedOn: kind === 'software' ? filing : null,
      legalStatus: status,
      feePaidThrough: null,
      owners: [entName],
      claimsCount: null,
      ipcClass: '',
      pledged: false,
      suspended: false,
      underInvalidation: false,
      sameDayInvention: false,
    };
  }
  const type = kind === 'invention' ? '1' : kind === 'utility' ? '2' : '3';
  const granted = status !== 'pending';
  const grant = granted ? addDays(filing, kind === 'invention' ? r.int(500, 1200) : r.int(120, 400)) : null;
  return {
    enterpriseId,
    kind,
    number: patentNumber(Number(filing.slice(0, 4)), type, s.serial % 10_000_000),
    title: r.pick(TITLES),
    filingDate: filing,
    grantDate: grant && grant < today ? grant : granted ? addDays(today, -30) : null,
    registrationDate: null,
    validUntil: null,
    publishedOn: null,
    legalStatus: status,
    feePaidThrough: granted ? (r.chance(0.9) ? addYears(`${year}-${filing.slice(5)}`, 1) : `${year - 1}-${filing.slice(5)}`) : null,
    owners: r.chance(0.08) ? [entName, r.pick(UNIVERSITIES)] : [entName],
    claimsCount: r.int(3, 20),
    ipcClass: r.pick(['G06F', 'H01M', 'H05K', 'A61B', 'G01N', 'H02J', 'B25J', 'G02B']),
    pledged: r.chance(0.05),
    suspended: r.chance(0.01),
    underInvalidation: r.chance(0.01),
    sameDayInvention: kind === 'utility' && r.chance(0.05),
  };
}

const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
