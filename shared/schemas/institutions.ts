/** An institution of the directory (a bank with its branches, a guarantor, an insurer…), as saved. */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { INSTITUTION_KINDS } from '../domain/institutions';
import { id, shortText } from './common';

const name = shortText(80).trim().min(2, '机构名称至少 2 个字');

export const institutionInput = z
  .object({
    id,
    kind: z.enum(INSTITUTION_KINDS, { message: '请选择机构类别' }),
    name,
    /** The head institution of a branch (null: a head itself). */
    headId: id.nullable().default(null),
    /** Other names people write for it (简称, old names, a branch written without 深圳). */
    aliases: z.array(name).max(20, '别名最多 20 个').default([]),
    /** The districts whose green channel (绿色通道) it is a partner of. */
    greenChannel: z.array(z.enum(DISTRICTS)).max(DISTRICTS.length).default([]),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((i) => i.headId !== i.id, { path: ['headId'], message: '上级机构不能是它自己' })
  .refine((i) => !i.aliases.includes(i.name), { path: ['aliases'], message: '别名不能与名称相同' })
  .refine((i) => new Set(i.aliases).size === i.aliases.length, { path: ['aliases'], message: '别名重复' });
export type InstitutionInput = z.input<typeof institutionInput>;

export const institutionsFile = z.object({
  version: z.string(),
  note: z.string(),
  institutions: z.array(institutionInput),
});

/** The 机构名录 lists' filters (shared/domain/institution-lists.ts applies them). */
export const institutionListFilter = z
  .object({
    search: z.string().max(100).default(''),
    kind: z.enum(INSTITUTION_KINDS).optional(),
    greenChannel: z.enum(DISTRICTS).optional(),
  })
  .strict();
export const nameListFilter = z.object({ search: z.string().max(100).default(''), pendingOnly: z.boolean().default(false) }).strict();
