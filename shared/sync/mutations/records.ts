import { z } from 'zod';
import { id, shortText } from '../../schemas/common';
import { bankCatalogSchema } from '../../schemas/bank';
import { caseUpdate, paymentInput, pledgeInput, visitInput } from '../../schemas/case';
import { enterpriseInput } from '../../schemas/enterprise';
import { ipAssetInput } from '../../schemas/ip';
import { batchInput, entryInput } from '../../schemas/whitelist';
import { workshopFields } from '../../schemas/workshop';
import { profileInput } from '../../schemas/profile';
import { achievementInput, techMatchInput, techNeedInput } from '../../schemas/tech';
import { ENTITIES, isEntity, type Entity } from '../entities';
import { accept, refuse, type Decision, type StateReader } from '../records';
import { enterpriseDelete } from './enterprises';
import { live } from './helpers';
import { ipDelete } from './ip';
import { paymentDelete } from './subsidy';
import { changedFields, defineMutation, remove, upsert, type DecideContext } from './types';
import { visitDelete } from './visits';

/**
 * How each entity's records are deleted: a delete that met edits, settled as "mine", deletes
 * the way that mutation does (what hangs off the record goes with it, a record still needed
 * is kept), rather than the record alone, which would leave its IP items and entries behind.
 */
const DELETES: Partial<Record<Entity, { decide: (a: { id: string }, state: StateReader, ctx: DecideContext) => Decision }>> = {
  enterprise: enterpriseDelete,
  ip_asset: ipDelete,
  payment: paymentDelete,
  visit: visitDelete,
};

/** A stored valuation run: evidence, only ever added (a second delivery changes nothing). */
export const valuationStore = defineMutation({
  name: 'valuation.store',
  args: z
    .object({
      id,
      enterpriseId: id,
      title: shortText(100).min(1),
      engineVersion: z.string().max(20),
      indicatorSet: z.string().max(80),
      items: z.number().int().min(1).max(5000),
      totalFen: z.number().int().min(0),
      p10Fen: z.number().int().min(0).nullable(),
      loanFen: z.number().int().min(0).nullable(),
      productId: z.string().max(64).nullable(),
      itemValues: z.record(z.string().max(64), z.number().int().min(0)),
      input: z.unknown(),
      result: z.unknown(),
      createdBy: shortText(40),
      createdAt: z.string().max(40),
    })
    .strict(),
  roles: ['steward', 'admin'],
  keys: (a) => [
    { entity: 'valuation', id: a.id },
    { entity: 'enterprise', id: a.enterpriseId },
  ],
  decide(a, state) {
    if (state.get('valuation', a.id)) return accept();
    if (!live(state, 'enterprise', a.enterpriseId)) return refuse('所属企业不存在或已被删除');
    const { id: runId, ...fields } = a;
    return accept(upsert('valuation', runId, fields, false));
  },
});

const CATALOG_ID = 'bank-products';

export const catalogSave = defineMutation({
  name: 'catalog.save',
  args: z.object({ products: bankCatalogSchema }).strict(),
  roles: ['steward', 'officer', 'admin'],
  keys: () => [{ entity: 'catalog', id: CATALOG_ID }],
  decide: (a) => accept(upsert('catalog', CATALOG_ID, { products: a.products })),
});

export const catalogReset = defineMutation({
  name: 'catalog.reset',
  args: z.object({}).strict(),
  roles: ['steward', 'officer', 'admin'],
  keys: () => [{ entity: 'catalog', id: CATALOG_ID }],
  decide: (_a, state) => accept(...(live(state, 'catalog', CATALOG_ID) ? [remove('catalog', CATALOG_ID)] : [])),
});

/** The schema each synced field's value must satisfy when a conflict is settled with a typed value. */
export const FIELD_SCHEMAS: Partial<Record<Entity, Record<string, z.ZodType>>> = {
  enterprise: enterpriseInput.shape,
  ip_asset: ipAssetInput.shape,
  whitelist_batch: batchInput.shape,
  whitelist_entry: entryInput.shape,
  case: caseUpdate.shape,
  pledge: pledgeInput.shape,
  visit: visitInput.shape,
  payment: paymentInput.shape,
  workshop: workshopFields.shape,
  enterprise_profile: profileInput.shape,
  tech_need: techNeedInput.shape,
  achievement: achievementInput.shape,
  tech_match: techMatchInput.shape,
};

/**
 * Settles a conflict: the user's own value ('mine', what their device sent), the value that
 * was kept ('theirs'), or a third one typed; it is written as a new change everyone receives.
 */
export const conflictResolve = defineMutation({
  name: 'conflict.resolve',
  args: z.discriminatedUnion('take', [
    z.object({ id, take: z.literal('mine') }).strict(),
    z.object({ id, take: z.literal('theirs') }).strict(),
    z.object({ id, take: z.literal('value'), value: z.unknown() }).strict(),
  ]),
  // A trainer settles the conflicts of workshop records (the only ones a trainer writes).
  roles: ['steward', 'officer', 'trainer', 'admin'],
  keys: (a) => [{ entity: 'conflict', id: a.id }],
  decide(a, state, ctx) {
    const c = live(state, 'conflict', a.id);
    if (!c) return refuse('冲突记录不存在');
    if (c.data.resolvedAt) return refuse('该冲突已处理');
    const entity = c.data.entity;
    if (!isEntity(entity)) return refuse('冲突记录的对象无效');
    const field = String(c.data.field);
    const target = live(state, entity, String(c.data.recordId));
    const value = a.take === 'mine' ? c.data.clientValue : a.take === 'theirs' ? (target?.data[field] ?? c.data.serverValue) : a.value;
    const done = upsert('conflict', a.id, { resolvedAt: ctx.now, resolvedBy: ctx.user.name, resolution: { take: a.take, value } }, false);
    const recordId = String(c.data.recordId);
    if (field === '*') {
      // An edit met a delete (clientValue: the edit) or a delete met edits (clientValue: null).
      if (a.take === 'theirs') return accept(done);
      const edit = c.data.clientValue;
      if (edit && typeof edit === 'object') return accept(upsert(entity, recordId, edit as Record<string, unknown>, false), done);
      if (!target) return accept(done);
      const del = DELETES[entity];
      if (!del) return accept({ ...remove(entity, recordId), checked: false }, done);
      const d = del.decide({ id: recordId }, state, ctx);
      if (!d.ok) return d;
      return accept(...d.writes.map((w) => ({ ...w, checked: false })), done);
    }
    if (!target && a.take === 'theirs') return accept(done);
    if (!(ENTITIES[entity].fields as readonly string[]).includes(field)) return accept(done);
    const schema = FIELD_SCHEMAS[entity]?.[field];
    if (schema) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) return refuse(`${ENTITIES[entity].label}的取值不正确：${parsed.error.issues[0]?.message ?? ''}`);
    }
    return accept(upsert(entity, recordId, { [field]: value }, false), done);
  },
});

/**
 * A record made before this device ever synced (its data predates the outbox): sent whole,
 * once. On a server that already holds the record, every differing field another device wrote
 * becomes a conflict, never an overwrite; a record hanging off another needs that one there.
 */
export const recordUpload = defineMutation({
  name: 'record.upload',
  args: z
    .object({
      entity: z.string().refine((e) => isEntity(e) && e !== 'conflict', '不能上传此类记录'),
      id,
      fields: z.record(z.string().max(60), z.unknown()),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (!isEntity(a.entity)) return;
      const known = ENTITIES[a.entity].fields as readonly string[];
      const extra = Object.keys(a.fields).filter((f) => !known.includes(f) && !UPLOAD_EXTRAS.includes(f));
      if (extra.length) ctx.addIssue({ code: 'custom', message: `未知字段：${extra.join('、')}` });
    }),
  roles: ['steward', 'officer', 'admin'],
  keys: (a) => (isEntity(a.entity) ? [{ entity: a.entity, id: a.id }] : []),
  decide(a, state) {
    const entity = a.entity as Entity;
    const scope = ENTITIES[entity].scope as { via?: string; parent?: Entity | 'any' };
    if (scope.via && scope.parent && scope.parent !== 'any' && !live(state, scope.parent, String(a.fields[scope.via] ?? ''))) {
      return refuse(`${ENTITIES[entity].label}所属的${ENTITIES[scope.parent].label}不存在`);
    }
    const current = state.get(entity, a.id);
    const fields = current && !current.deleted ? changedFields(current.data, a.fields) : a.fields;
    return accept(...(Object.keys(fields).length || !current ? [upsert(entity, a.id, fields)] : []));
  },
});

/** Fields a stored run carries beside the listed ones (who ran it and when). */
const UPLOAD_EXTRAS = ['createdBy', 'createdAt'];
