import type { Database } from 'better-sqlite3-multiple-ciphers';
import { OUTCOME_LABELS, STAGE_LABELS } from '../../../shared/domain/case-stages';
import { PLEDGE_STATUS_LABELS, SUBSIDY_STATUS_LABELS } from '../../../shared/domain/case-statuses';
import { IP_KIND_LABELS, LEGAL_STATUS_LABELS } from '../../../shared/domain/ip';
import { PRIORITY_LABELS } from '../../../shared/domain/whitelist';
import type { EnterpriseFilter, EntryFilter, IpFilter } from '../../../shared/schemas/queries';
import type { CaseFilter } from '../../../shared/schemas/case';
import type { CaseSummary } from '../../../shared/types/case';
import type { Enterprise, IpAsset, WhitelistEntry } from '../../../shared/types/records';
import { listCases } from '../cases/repository';
import { listEnterprises } from '../enterprises/repository';
import { listIpAssets } from '../ip/repository';
import { listEntries } from '../whitelist/repository';
import { conflictItems, rejectionItems } from '../sync/views';
import { conflictMatches, rejectionMatches } from '../../../shared/sync/list-filters';
import type { ConflictItemView, RejectionView } from '../../../shared/types/sync';
import { wanColumn, writeCsv, writeXlsx, type Column } from './sheet-writers';
import { formatDateTime } from '../../../shared/time';
import { INSTITUTION_KIND_LABELS } from '../../../shared/domain/institutions';
import {
  institutionMatches,
  nameMatches,
  RESOLVED_LABELS,
  type InstitutionListFilter,
  type InstitutionView,
  type NameReview,
} from '../../../shared/domain/institution-lists';
import { listInstitutions, listNames } from '../institutions/repository';
import { LOAN_COLUMNS } from '../loans/export-columns';
import { listLoans, loanPoolView } from '../loans/portfolio';
import type { LoanFilter } from '../../../shared/schemas/loan';
import type { WorkshopFilter } from '../../../shared/schemas/workshop';
import { listWorkshops } from '../training/workshops';
import { attendanceRows, WORKSHOP_COLUMNS } from '../training/export-columns';

export type ExportFormat = 'xlsx' | 'csv';

const at = (iso: string | null) => (iso ? formatDateTime(iso) : '');

const CONFLICT_COLUMNS: Column<ConflictItemView>[] = [
  { header: '记录类型', value: (c) => c.entityLabel },
  { header: '记录', value: (c) => c.recordLabel, width: 30 },
  { header: '字段', value: (c) => c.fieldLabel },
  { header: '现行值', value: (c) => c.kept.text, width: 24 },
  { header: '现行值修改人', value: (c) => c.kept.by ?? '' },
  { header: '现行值修改时间', value: (c) => at(c.kept.at), width: 18 },
  { header: '未采用的值', value: (c) => c.offered.text, width: 24 },
  { header: '未采用值修改人', value: (c) => c.offered.by ?? '' },
  { header: '未采用值修改时间', value: (c) => at(c.offered.at), width: 18 },
];

const INSTITUTION_COLUMNS: Column<InstitutionView>[] = [
  { header: '类别', value: (i) => INSTITUTION_KIND_LABELS[i.kind] },
  { header: '名称', value: (i) => i.name, width: 32 },
  { header: '上级机构', value: (i) => i.headName ?? '', width: 24 },
  { header: '别名', value: (i) => i.aliases.join('、'), width: 30 },
  { header: '绿色通道', value: (i) => i.greenChannel.join('、') },
  { header: '在用', value: (i) => (i.active ? '是' : '否') },
  { header: '来源', value: (i) => (i.edited ? '已增补或修改' : '随软件提供') },
];

const NAME_COLUMNS: Column<NameReview>[] = [
  { header: '填写的名称', value: (n) => n.text, width: 32 },
  { header: '质押笔数', value: (n) => n.pledges },
  { header: '归入总行', value: (n) => n.head, width: 24 },
  { header: '统计为', value: (n) => n.branch, width: 32 },
  { header: '对照情况', value: (n) => RESOLVED_LABELS[n.how], width: 24 },
];

const REJECTION_COLUMNS: Column<RejectionView>[] = [
  { header: '修改', value: (r) => r.label, width: 24 },
  { header: '原因', value: (r) => r.reasons.join('；'), width: 50 },
  { header: '修改人', value: (r) => r.actor },
  { header: '修改时间', value: (r) => at(r.madeAt), width: 18 },
  { header: '拒绝时间', value: (r) => at(r.rejectedAt), width: 18 },
];

// Headers are the import's own, so an exported file imports back unchanged.
const ENTERPRISE_COLUMNS: Column<Enterprise>[] = [
  { header: '企业名称', value: (e) => e.name, width: 32 },
  { header: '统一社会信用代码', value: (e) => e.uscc, width: 22 },
  { header: '所属区', value: (e) => e.district },
  { header: '街道', value: (e) => e.street },
  { header: '地址', value: (e) => e.address, width: 30 },
  { header: '行业', value: (e) => e.industry },
  { header: '成立日期', value: (e) => e.foundedOn },
  wanColumn('注册资本（万元）', (e) => e.registeredCapitalFen),
  { header: '员工人数', value: (e) => e.employees },
  wanColumn('上年营收（万元）', (e) => e.revenueFen),
  wanColumn('研发投入（万元）', (e) => e.rdFen),
  { header: '资质', value: (e) => e.qualifications.join('、'), width: 24 },
  { header: '联系人', value: (e) => e.contacts[0]?.name ?? '' },
  { header: '联系人职务', value: (e) => e.contacts[0]?.role ?? '' },
  { header: '联系电话', value: (e) => e.contacts[0]?.phone ?? '' },
  { header: '备注', value: (e) => e.notes, width: 30 },
  { header: '知识产权数', value: (e) => e.ipCount },
  { header: '白名单状态', value: (e) => e.wlStatus ?? '' },
  { header: '最近走访', value: (e) => e.lastVisitOn },
];

const IP_COLUMNS: Column<IpAsset>[] = [
  { header: '统一社会信用代码', value: (a) => a.enterpriseUscc, width: 22 },
  { header: '企业名称', value: (a) => a.enterpriseName, width: 30 },
  { header: '类型', value: (a) => IP_KIND_LABELS[a.kind] },
  { header: '申请号/注册号', value: (a) => a.displayNumber, width: 18 },
  { header: '名称', value: (a) => a.title, width: 30 },
  { header: '申请日', value: (a) => a.filingDate },
  { header: '授权公告日', value: (a) => a.grantDate },
  { header: '注册日', value: (a) => a.registrationDate },
  { header: '首次发表日', value: (a) => a.publishedOn },
  { header: '法律状态', value: (a) => LEGAL_STATUS_LABELS[a.legalStatus] },
  { header: '年费缴至', value: (a) => a.feePaidThrough },
  { header: '权利人', value: (a) => a.owners.join('、'), width: 30 },
  { header: '权利要求数', value: (a) => a.claimsCount },
  { header: 'IPC分类', value: (a) => a.ipcClass },
  { header: '已质押', value: (a) => (a.pledged ? '是' : '否') },
  { header: '保护期届满', value: (a) => a.assessment.expiresOn },
  { header: '可质押', value: (a) => (a.assessment.pledgeable ? '是' : '否') },
  { header: '原因', value: (a) => a.assessment.reasons.map((r) => r.message).join('；'), width: 40 },
];

const ENTRY_COLUMNS: Column<WhitelistEntry>[] = [
  { header: '统一社会信用代码', value: (w) => w.uscc, width: 22 },
  { header: '企业名称', value: (w) => w.enterpriseName, width: 30 },
  { header: '所属区', value: (w) => w.district },
  { header: '批次', value: (w) => w.batchName, width: 20 },
  { header: '摸排日期', value: (w) => w.surveyedOn },
  { header: '来源', value: (w) => w.source, width: 20 },
  { header: '状态', value: (w) => w.status },
  { header: '管家', value: (w) => w.steward },
  wanColumn('融资需求（万元）', (w) => w.needFen),
  { header: '期限（月）', value: (w) => w.needTermMonths },
  { header: '优先级', value: (w) => PRIORITY_LABELS[w.priority] ?? '' },
  { header: '最近走访', value: (w) => w.lastVisitOn },
];

const CASE_COLUMNS: Column<CaseSummary>[] = [
  { header: '企业名称', value: (c) => c.enterpriseName, width: 30 },
  { header: '统一社会信用代码', value: (c) => c.uscc, width: 22 },
  { header: '所属区', value: (c) => c.district },
  { header: '管家', value: (c) => c.steward },
  { header: '银行客户经理', value: (c) => c.bankOfficer },
  { header: '阶段', value: (c) => STAGE_LABELS[c.stage] + (c.paused ? '（暂停）' : '') },
  { header: '结案结果', value: (c) => (c.outcome ? OUTCOME_LABELS[c.outcome] : '') },
  wanColumn('融资需求（万元）', (c) => c.needFen),
  { header: '贷款银行', value: (c) => c.bank ?? '' },
  wanColumn('贷款金额（万元）', (c) => c.loanFen),
  { header: '质押登记', value: (c) => (c.pledgeStatus ? PLEDGE_STATUS_LABELS[c.pledgeStatus] : '') },
  { header: '登记日期', value: (c) => c.regDate },
  { header: '贴息申请', value: (c) => (c.subsidyStatus ? SUBSIDY_STATUS_LABELS[c.subsidyStatus] : '') },
  wanColumn('贴息金额（万元）', (c) => c.subsidyFen),
  { header: '更新时间', value: (c) => formatDateTime(c.updatedAt), width: 18 },
];

export type ExportRequest =
  | { kind: 'enterprises'; filter: EnterpriseFilter }
  | { kind: 'ip'; filter: IpFilter }
  | { kind: 'whitelist'; filter: EntryFilter }
  | { kind: 'cases'; filter: CaseFilter }
  | { kind: 'conflicts'; filter: { search: string } }
  | { kind: 'rejections'; filter: { search: string } }
  | { kind: 'institutions'; filter: InstitutionListFilter }
  | { kind: 'institution-names'; filter: { search: string; pendingOnly: boolean } }
  | { kind: 'loans'; filter: LoanFilter }
  | { kind: 'loan-pool'; filter: { poolName: string } }
  | { kind: 'workshops'; filter: WorkshopFilter };

const PAGE = 1000;

/** Every row of the filtered list, fetched page by page through the list query itself. */
function collect<T>(fetch: (offset: number) => { rows: T[]; total: number }): T[] {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = fetch(offset);
    out.push(...page.rows);
    if (out.length >= page.total || page.rows.length === 0) return out;
  }
}

function table(db: Database, req: ExportRequest, today: string): { sheet: string; columns: Column<never>[]; rows: never[] } {
  switch (req.kind) {
    case 'enterprises':
      return {
        sheet: '企业',
        columns: ENTERPRISE_COLUMNS as Column<never>[],
        rows: collect((offset) => listEnterprises(db, { filter: req.filter, offset, limit: PAGE }, today)) as never[],
      };
    case 'ip':
      return {
        sheet: '知识产权',
        columns: IP_COLUMNS as Column<never>[],
        rows: collect((offset) => listIpAssets(db, { filter: req.filter, offset, limit: PAGE }, today)) as never[],
      };
    case 'whitelist':
      return {
        sheet: '白名单',
        columns: ENTRY_COLUMNS as Column<never>[],
        rows: collect((offset) => listEntries(db, { filter: req.filter, offset, limit: PAGE }, today)) as never[],
      };
    case 'cases':
      return {
        sheet: '服务案件',
        columns: CASE_COLUMNS as Column<never>[],
        rows: collect((offset) => listCases(db, { ...req.filter, offset, limit: PAGE })) as never[],
      };
    case 'conflicts':
      return {
        sheet: '同步冲突',
        columns: CONFLICT_COLUMNS as Column<never>[],
        rows: conflictItems(db).filter((c) => conflictMatches(c, req.filter.search)) as never[],
      };
    case 'institutions':
      return {
        sheet: '机构名录',
        columns: INSTITUTION_COLUMNS as Column<never>[],
        rows: listInstitutions(db).filter((i) => institutionMatches(i, req.filter)) as never[],
      };
    case 'institution-names':
      return {
        sheet: '机构名称对照',
        columns: NAME_COLUMNS as Column<never>[],
        rows: listNames(db).filter((n) => nameMatches(n, req.filter)) as never[],
      };
    case 'loans':
      return { sheet: '贷后管理', columns: LOAN_COLUMNS as Column<never>[], rows: listLoans(db, req.filter, today).rows as never[] };
    case 'loan-pool':
      return {
        sheet: `资产池-${req.filter.poolName.replace(/[\\/:*?"<>|[\]]/g, '_')}`.slice(0, 31),
        columns: LOAN_COLUMNS as Column<never>[],
        rows: loanPoolView(db, req.filter.poolName, today).rows as never[],
      };
    case 'workshops':
      return {
        sheet: '培训记录',
        columns: WORKSHOP_COLUMNS as Column<never>[],
        rows: attendanceRows(listWorkshops(db, req.filter)) as never[],
      };
    case 'rejections':
      return {
        sheet: '被拒绝的修改',
        columns: REJECTION_COLUMNS as Column<never>[],
        rows: rejectionItems(db).filter((r) => rejectionMatches(r, req.filter.search)) as never[],
      };
  }
}

/** The filtered list as an .xlsx workbook (Chinese headers, frozen header row) or a UTF-8 CSV with BOM (opens in Excel). */
export async function exportList(
  db: Database,
  req: ExportRequest,
  format: ExportFormat,
  today: string,
): Promise<{ bytes: Uint8Array; rows: number; fileName: string }> {
  const { sheet, columns, rows } = table(db, req, today);
  const fileName = `${sheet}-${today}.${format}`;
  const bytes = format === 'csv' ? writeCsv(columns, rows) : await writeXlsx(sheet, columns, rows);
  return { bytes, rows: rows.length, fileName };
}
