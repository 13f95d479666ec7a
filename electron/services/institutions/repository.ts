/** The institutions directory on this computer: listed with its heads, names on pledges reviewed, saved through institution.save. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { InstitutionView, NameReview } from '../../../shared/domain/institution-lists';
import { institutionInput, type InstitutionInput } from '../../../shared/schemas/institutions';
import type { WriteContext } from '../enterprises/repository';
import { localMutate } from '../sync/local';
import { directoryOf } from './directory';

const PINYIN = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Every institution, heads each followed by their branches, by kind and then by name (拼音序). */
export function listInstitutions(db: Database): InstitutionView[] {
  const directory = directoryOf(db);
  const edited = new Set(db.prepare('SELECT id FROM institutions').pluck().all() as string[]);
  const view = (i: (typeof directory.list)[number]): InstitutionView => ({
    ...i,
    headName: i.headId ? (directory.get(i.headId)?.name ?? null) : null,
    edited: edited.has(i.id),
  });
  const heads = directory.list.filter((i) => !i.headId || !directory.get(i.headId));
  const byName = (a: { name: string }, b: { name: string }) => PINYIN.compare(a.name, b.name);
  return heads
    .sort((a, b) => a.kind.localeCompare(b.kind) || byName(a, b))
    .flatMap((h) => [
      view(h),
      ...directory.list
        .filter((b) => b.headId === h.id)
        .sort(byName)
        .map(view),
    ]);
}

/** The bank names typed on this computer's pledges, each with how many pledges use it and what the directory makes of it. */
export function listNames(db: Database): NameReview[] {
  const directory = directoryOf(db);
  const rows = db
    .prepare("SELECT bank AS text, count(*) AS pledges FROM pledges WHERE trim(bank) <> '' GROUP BY bank ORDER BY count(*) DESC, bank")
    .all() as { text: string; pledges: number }[];
  return rows.map((r) => {
    const x = directory.resolve(r.text);
    return { ...r, how: x.how, head: x.head, branch: x.branch };
  });
}

export function saveInstitution(db: Database, input: InstitutionInput, ctx: WriteContext): InstitutionView {
  const i = institutionInput.parse(input);
  return db
    .transaction(() => {
      localMutate(db, 'institution.save', i, ctx);
      return listInstitutions(db).find((x) => x.id === i.id)!;
    })
    .immediate();
}
