/**
 * What each import kind expects: its columns (with the header names people use), how a row
 * becomes service input, and how it is written. Headers match loosely (spaces, brackets and
 * units ignored), so both our template and typical survey spreadsheets map automatically.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { DISTRICTS, parseDistrict } from '../../../shared/domain/districts';
import { parseQualification, QUALIFICATIONS } from '../../../shared/domain/enterprise';
import { IP_KINDS, LEGAL_STATUSES, type IpKind, type LegalStatus } from '../../../shared/domain/ip';
import { ENTRY_STATUSES, type EntryStatus } from '../../../shared/domain/whitelist';
import { enterpriseInput } from '../../../shared/schemas/enterprise';
import { ipAssetInput } from '../../../shared/schemas/ip';
import { batchInput, entryInput } from '../../../shared/schemas/whitelist';
import { enterpriseStatements } from '../enterprises/repository';
import { ipStatements } from '../ip/repository';
import { batchStatements, entryStatements } from '../whitelist/repository';
import { RowReader, RowRejected } from './row-reader';
import { validate, type FieldDef, type ImportKind, type KindDef } from './kind-def';
import { achievementsKind, needsKind } from '../tech/import-kinds';

export { IMPORT_KINDS, type ImportKind } from './kind-def';

const WAN = 1_000_000; // fen per 万元

const KIND_NAMES: Record<string, IpKind> = {
  发明: 'invention',
  发明专利: 'invention',
  实用新型: 'utility',
  实用新型专利: 'utility',
  外观设计: 'design',
  外观设计专利: 'design',
  商标: 'trademark',
  注册商标: 'trademark',
  软件著作权: 'software',
  软著: 'software',
  计算机软件著作权: 'software',
};
const STATUS_NAMES: Record<string, LegalStatus> = {
  有效: 'granted',
  授权: 'granted',
  已授权: 'granted',
  专利权维持: 'granted',
  审查中: 'pending',
  实审: 'pending',
  公开: 'pending',
  申请中: 'pending',
  失效: 'lapsed',
  未缴年费终止失效: 'lapsed',
  期限届满: 'lapsed',
  无效: 'invalidated',
  全部无效: 'invalidated',
  已宣告无效: 'invalidated',
};
const PRIORITY_NAMES: Record<string, string> = { 高: '1', 中: '2', 低: '3', '1': '1', '2': '2', '3': '3' };

const parseKind = (s: string): IpKind | null => ((IP_KINDS as readonly string[]).includes(s) ? (s as IpKind) : (KIND_NAMES[s] ?? null));
const parseLegal = (s: string): LegalStatus | null =>
  (LEGAL_STATUSES as readonly string[]).includes(s) ? (s as LegalStatus) : (STATUS_NAMES[s] ?? null);
const parseEntryStatus = (s: string): EntryStatus | null => ((ENTRY_STATUSES as readonly string[]).includes(s) ? (s as EntryStatus) : null);

function enterpriseFromRow(r: RowReader) {
  const qualifications = r.list('qualifications').map((q) => {
    const parsed = parseQualification(q);
    if (!parsed) r.fail('qualifications', `资质“${q}”无效，应为：${QUALIFICATIONS.join('、')}`);
    return parsed;
  });
  const contactName = r.text('contactName');
  return {
    name: r.text('name'),
    uscc: r.text('uscc'),
    district: r.oneOf('district', parseDistrict, '所属区', DISTRICTS) ?? r.text('district'),
    street: r.text('street'),
    address: r.text('address'),
    industry: r.text('industry'),
    foundedOn: r.date('foundedOn'),
    registeredCapitalFen: r.money('registeredCapital', WAN),
    employees: r.integer('employees'),
    revenueFen: r.money('revenue', WAN),
    rdFen: r.money('rd', WAN),
    qualifications: qualifications.filter((q) => q !== null),
    contacts: contactName ? [{ name: contactName, role: r.text('contactRole'), phone: r.text('contactPhone') }] : [],
    notes: r.text('notes'),
  };
}

const enterpriseFields: FieldDef[] = [
  { key: 'name', label: '企业名称', aliases: ['企业', '公司名称', '名称', '单位名称'], required: true },
  { key: 'uscc', label: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'USCC'], required: true },
  { key: 'district', label: '所属区', aliases: ['区', '辖区', '所在区', '行政区'], required: true },
  { key: 'street', label: '街道', aliases: ['所属街道'] },
  { key: 'address', label: '地址', aliases: ['注册地址', '经营地址', '详细地址'] },
  { key: 'industry', label: '行业', aliases: ['所属行业', '行业类别'] },
  { key: 'foundedOn', label: '成立日期', aliases: ['成立时间', '注册日期'] },
  { key: 'registeredCapital', label: '注册资本（万元）', aliases: ['注册资本'] },
  { key: 'employees', label: '员工人数', aliases: ['人数', '职工人数', '从业人数'] },
  { key: 'revenue', label: '上年营收（万元）', aliases: ['营业收入', '上年营业收入', '营收'] },
  { key: 'rd', label: '研发投入（万元）', aliases: ['研发费用', '研发投入'] },
  { key: 'qualifications', label: '资质', aliases: ['企业资质', '资质认定'] },
  { key: 'contactName', label: '联系人', aliases: ['联系人姓名'] },
  { key: 'contactRole', label: '联系人职务', aliases: ['职务'] },
  { key: 'contactPhone', label: '联系电话', aliases: ['电话', '手机', '联系方式'] },
  { key: 'notes', label: '备注', aliases: ['说明'] },
];

const enterprises: KindDef<z.output<typeof enterpriseInput>> = {
  kind: 'enterprises',
  label: '企业',
  fields: enterpriseFields,
  parse: (r) =>
    validate(enterpriseInput, enterpriseFromRow(r), r, {
      registeredCapitalFen: 'registeredCapital',
      revenueFen: 'revenue',
      rdFen: 'rd',
      contacts: 'contactName',
    }),
  writer(db, ctx) {
    const s = enterpriseStatements(db);
    return (row) => s.upsert(row, ctx).outcome;
  },
};

function enterpriseIdByUscc(db: Database) {
  const stmt = db.prepare('SELECT id FROM enterprises WHERE uscc = ?').pluck();
  return (uscc: string) => stmt.get(uscc.replace(/\s/g, '').toUpperCase()) as string | undefined;
}

type IpRow = { uscc: string; asset: z.output<typeof ipAssetInput> };
const ip: KindDef<IpRow> = {
  kind: 'ip',
  label: '知识产权',
  fields: [
    { key: 'uscc', label: '统一社会信用代码', aliases: ['权利人信用代码', '企业信用代码', '信用代码'], required: true },
    { key: 'kind', label: '类型', aliases: ['专利类型', '知识产权类型', '类别'], required: true },
    { key: 'number', label: '申请号/注册号', aliases: ['申请号', '专利号', '注册号', '登记号'], required: true },
    { key: 'title', label: '名称', aliases: ['专利名称', '发明名称', '商标名称', '软件名称'], required: true },
    { key: 'filingDate', label: '申请日', aliases: ['申请日期'] },
    { key: 'grantDate', label: '授权公告日', aliases: ['授权日', '授权日期', '公告日'] },
    { key: 'registrationDate', label: '注册日', aliases: ['注册日期', '核准注册日'] },
    { key: 'publishedOn', label: '首次发表日', aliases: ['发表日期', '首次发表日期'] },
    { key: 'legalStatus', label: '法律状态', aliases: ['状态'] },
    { key: 'feePaidThrough', label: '年费缴至', aliases: ['年费缴纳至', '缴费至'] },
    { key: 'owners', label: '权利人', aliases: ['专利权人', '申请人', '著作权人', '注册人'] },
    { key: 'claimsCount', label: '权利要求数', aliases: ['权利要求项数'] },
    { key: 'ipcClass', label: 'IPC分类', aliases: ['IPC', '分类号', '主分类号'] },
    { key: 'pledged', label: '已质押', aliases: ['是否质押', '质押状态'] },
  ],
  parse(r) {
    const uscc = r.text('uscc');
    if (!uscc) r.fail('uscc', '统一社会信用代码不能为空');
    const asset = validate(
      ipAssetInput,
      {
        // Resolved against the database when the row is written.
        enterpriseId: 'resolved-on-write',
        kind: r.oneOf('kind', parseKind, '类型', ['发明', '实用新型', '外观设计', '商标', '软件著作权']) ?? r.text('kind'),
        number: r.text('number'),
        title: r.text('title'),
        filingDate: r.date('filingDate'),
        grantDate: r.date('grantDate'),
        registrationDate: r.date('registrationDate'),
        publishedOn: r.date('publishedOn'),
        legalStatus: r.blank('legalStatus')
          ? 'granted'
          : (r.oneOf('legalStatus', parseLegal, '法律状态', ['有效', '审查中', '失效', '无效']) ?? 'granted'),
        feePaidThrough: r.date('feePaidThrough'),
        owners: r.list('owners'),
        claimsCount: r.integer('claimsCount'),
        ipcClass: r.text('ipcClass'),
        pledged: r.bool('pledged'),
      },
      r,
    );
    return asset && uscc ? { uscc, asset } : null;
  },
  writer(db, ctx) {
    const s = ipStatements(db);
    const lookup = enterpriseIdByUscc(db);
    return ({ uscc, asset }) => {
      const enterpriseId = lookup(uscc);
      if (!enterpriseId) throw new RowRejected('uscc', `企业 ${uscc} 不存在，请先导入企业`);
      return s.upsert({ ...asset, enterpriseId }, ctx).outcome;
    };
  },
};

// The batch's name is checked with the entry, so a bad one is a row error, not a failed import.
const entryFields = entryInput.omit({ batchId: true, enterpriseId: true }).extend({ batch: batchInput.shape.name });
type WlRow = { uscc: string; enterpriseName: string; district: string; batchSurveyedOn: string; entry: z.output<typeof entryFields> };
const whitelist: KindDef<WlRow> = {
  kind: 'whitelist',
  label: '白名单',
  fields: [
    { key: 'uscc', label: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true },
    { key: 'enterpriseName', label: '企业名称', aliases: ['企业', '公司名称', '名称'] },
    { key: 'district', label: '所属区', aliases: ['区', '辖区', '所在区'] },
    { key: 'batch', label: '批次', aliases: ['摸排批次', '批次名称', '白名单批次'], required: true },
    { key: 'surveyedOn', label: '摸排日期', aliases: ['摸排时间'] },
    { key: 'source', label: '来源', aliases: ['数据来源', '摸排来源'] },
    { key: 'status', label: '状态', aliases: ['跟进状态', '进度'] },
    { key: 'steward', label: '管家', aliases: ['服务管家', '负责人', '跟进人'] },
    { key: 'need', label: '融资需求（万元）', aliases: ['融资需求', '需求金额', '融资金额'] },
    { key: 'needTermMonths', label: '期限（月）', aliases: ['期限', '融资期限', '贷款期限'] },
    { key: 'priority', label: '优先级', aliases: ['优先'] },
    { key: 'lastVisitOn', label: '最近走访', aliases: ['走访日期', '最近走访日期'] },
  ],
  parse(r, today) {
    const priority = r.oneOf('priority', (s) => PRIORITY_NAMES[s] ?? null, '优先级', ['高', '中', '低']);
    const meta = { uscc: r.text('uscc'), enterpriseName: r.text('enterpriseName'), district: r.text('district') };
    if (!meta.uscc) r.fail('uscc', '统一社会信用代码不能为空');
    if (r.blank('batch')) r.fail('batch', '批次不能为空');
    if (meta.district && !parseDistrict(meta.district)) r.fail('district', `所属区“${meta.district}”无效，应为：${DISTRICTS.join('、')}`);
    const entry = validate(
      entryFields,
      {
        batch: r.text('batch'),
        // Blank: a new entry takes its batch's, an existing one keeps its own.
        surveyedOn: r.date('surveyedOn') ?? undefined,
        source: r.blank('source') ? undefined : r.text('source'),
        status: r.blank('status') ? '待走访' : (r.oneOf('status', parseEntryStatus, '状态', ENTRY_STATUSES) ?? '待走访'),
        steward: r.text('steward'),
        needFen: r.money('need', WAN),
        needTermMonths: r.integer('needTermMonths'),
        priority: priority ? Number(priority) : 2,
        lastVisitOn: r.date('lastVisitOn'),
      },
      r,
      { needFen: 'need' },
    );
    return entry ? { ...meta, batchSurveyedOn: entry.surveyedOn ?? today, entry } : null;
  },
  writer(db, ctx) {
    const entries = entryStatements(db);
    const batches = batchStatements(db);
    const lookup = enterpriseIdByUscc(db);
    const enterprisesW = enterpriseStatements(db);
    return (row) => {
      let enterpriseId = lookup(row.uscc);
      const district = parseDistrict(row.district);
      if (!enterpriseId) {
        const e = enterpriseInput.safeParse({ name: row.enterpriseName, uscc: row.uscc, district: district ?? row.district });
        if (!e.success) {
          const issue = e.error.issues[0]!;
          const field = ({ name: 'enterpriseName', district: 'district' } as Record<string, string>)[String(issue.path[0])] ?? 'uscc';
          throw new RowRejected(field, `企业尚未登记，按本行新建时出错：${issue.message}`);
        }
        enterpriseId = enterprisesW.upsert(e.data, ctx).id;
      }
      const batchDistrict = district ?? (db.prepare('SELECT district FROM enterprises WHERE id = ?').pluck().get(enterpriseId) as string);
      const { batch, ...entry } = row.entry;
      // A batch new to the database takes the details of its first row.
      const batchId = batches.ensure(
        { name: batch, district: batchDistrict as (typeof DISTRICTS)[number], surveyedOn: row.batchSurveyedOn, source: entry.source ?? '' },
        ctx,
      ).id;
      return entries.upsert({ ...entry, batchId, enterpriseId }, ctx).outcome;
    };
  },
};

export const KINDS: Record<ImportKind, KindDef<never>> = {
  enterprises,
  ip,
  whitelist,
  achievements: achievementsKind,
  needs: needsKind,
} as unknown as Record<ImportKind, KindDef<never>>;
