/**
 * 科技成果 and 技术需求 from a spreadsheet (a university's achievement list, a district's
 * survey of needs): each row through the same schema and mutation as the form. A row names an
 * existing record by its title and holder (an achievement) or its enterprise and title (a need).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { achievementInput, MATURITIES, techNeedInput } from '../../../shared/schemas/tech';
import type { UpsertOutcome } from '../enterprises/repository';
import { newId } from '../ids';
import { validate, type FieldDef, type KindDef } from '../importers/kind-def';
import { RowRejected } from '../importers/row-reader';
import { localMutate } from '../sync/local';
import { getRecord } from '../sync/store';

const WAN = 1_000_000;
/** IPC codes hold a space and a slash (H01M 10/0562): a cell's codes are split on commas and 、 only. */
const ipcCodes = (text: string) =>
  text
    .split(/[，,、；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** created / updated / unchanged, by whether the mutation wrote anything to a record that existed. */
function outcomeOf(db: Database, entity: 'achievement' | 'tech_need', id: string, write: () => { writes: unknown[] }): UpsertOutcome {
  const existed = getRecord(db, entity, id) !== null;
  const { writes } = write();
  return !existed ? 'created' : writes.length ? 'updated' : 'unchanged';
}

type AchievementRowIn = Omit<z.output<typeof achievementInput>, 'id'>;
const achievementFields: FieldDef[] = [
  { key: 'title', label: '成果名称', aliases: ['名称', '项目名称', '成果'], required: true },
  { key: 'holder', label: '持有单位', aliases: ['成果持有单位', '单位', '完成单位', '所属单位'], required: true },
  { key: 'abstract', label: '成果简介', aliases: ['简介', '摘要', '成果摘要', '内容简介'] },
  { key: 'field', label: '技术领域', aliases: ['领域', '所属领域', '行业'] },
  { key: 'ipcClasses', label: 'IPC分类', aliases: ['IPC', '分类号'] },
  { key: 'patents', label: '相关专利', aliases: ['专利', '专利号'] },
  { key: 'maturity', label: '成熟度', aliases: ['成果成熟度', '技术成熟度', '阶段'] },
  { key: 'transferModes', label: '转化方式', aliases: ['合作方式', '转让方式'] },
];

export const achievementsKind: KindDef<AchievementRowIn> = {
  kind: 'achievements',
  label: '科技成果',
  fields: achievementFields,
  parse(r) {
    return validate(
      achievementInput.omit({ id: true }),
      {
        title: r.text('title'),
        holder: r.text('holder'),
        abstract: r.text('abstract'),
        field: r.text('field'),
        ipcClasses: ipcCodes(r.text('ipcClasses')),
        patents: r.list('patents'),
        maturity: r.blank('maturity')
          ? null
          : (r.oneOf('maturity', (s) => (MATURITIES as readonly string[]).find((m) => s.includes(m)) ?? null, '成熟度', MATURITIES) ??
            null),
        transferModes: r.list('transferModes'),
      },
      r,
    );
  },
  writer(db, ctx) {
    const existing = db.prepare('SELECT id FROM achievements WHERE title = ? AND holder = ?').pluck();
    return (row) => {
      const id = (existing.get(row.title, row.holder) as string | undefined) ?? newId();
      return outcomeOf(db, 'achievement', id, () => localMutate(db, 'achievement.save', { ...row, id }, ctx));
    };
  },
};

type NeedRowIn = { uscc: string; need: Omit<z.output<typeof techNeedInput>, 'id' | 'enterpriseId'> };
export const needsKind: KindDef<NeedRowIn> = {
  kind: 'needs',
  label: '技术需求',
  fields: [
    { key: 'uscc', label: '统一社会信用代码', aliases: ['信用代码', '企业信用代码'], required: true },
    { key: 'title', label: '需求名称', aliases: ['名称', '技术需求', '需求'], required: true },
    { key: 'description', label: '需求描述', aliases: ['描述', '需求内容', '具体需求'] },
    { key: 'field', label: '技术领域', aliases: ['领域', '所属领域'] },
    { key: 'ipcClasses', label: 'IPC分类', aliases: ['IPC', '分类号'] },
    { key: 'budget', label: '预算（万元）', aliases: ['预算', '投入预算', '拟投入金额'] },
    { key: 'deadline', label: '截止日期', aliases: ['期望完成时间', '截止时间'] },
  ],
  parse(r) {
    const uscc = r.text('uscc');
    if (!uscc) r.fail('uscc', '统一社会信用代码不能为空');
    const need = validate(
      techNeedInput.omit({ id: true, enterpriseId: true }),
      {
        title: r.text('title'),
        description: r.text('description'),
        field: r.text('field'),
        ipcClasses: ipcCodes(r.text('ipcClasses')),
        budgetFen: r.money('budget', WAN),
        deadline: r.date('deadline'),
      },
      r,
      { budgetFen: 'budget' },
    );
    return need && uscc ? { uscc, need } : null;
  },
  writer(db, ctx) {
    const enterprise = db.prepare('SELECT id FROM enterprises WHERE uscc = ?').pluck();
    const existing = db.prepare('SELECT id FROM tech_needs WHERE enterprise_id = ? AND title = ?').pluck();
    return ({ uscc, need }) => {
      const enterpriseId = enterprise.get(uscc.replace(/\s/g, '').toUpperCase()) as string | undefined;
      if (!enterpriseId) throw new RowRejected('uscc', `企业 ${uscc} 不存在，请先导入企业`);
      const id = (existing.get(enterpriseId, need.title) as string | undefined) ?? newId();
      return outcomeOf(db, 'tech_need', id, () => localMutate(db, 'tech_need.save', { ...need, id, enterpriseId }, ctx));
    };
  },
};
