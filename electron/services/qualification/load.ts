import path from 'node:path';
import { setsInForce } from '../../../shared/domain/qualification';
import { AppError } from '../../../shared/errors';
import { criteriaSetSchema, type CriteriaSet } from '../../../shared/schemas/criteria';
import { readDataDir } from '../resources';

/**
 * Qualification criteria: one JSON file per qualification and version in resources/criteria/,
 * each checked on load, so a bad edit gives a clear message instead of a wrong verdict.
 */
export function loadCriteriaSets(resourcesDir: string): CriteriaSet[] {
  const all = readDataDir(path.join(resourcesDir, 'criteria'), criteriaSetSchema, '资质认定标准');
  // By qualification (高企, 科技型, 创新型, 专精特新, 科创属性), the newest version first.
  return all.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.effectiveFrom.localeCompare(a.effectiveFrom));
}

const KIND_ORDER: CriteriaSet['kind'][] = ['gaoqi', 'kexiao', 'chuangxin', 'zhuanjingtexin', 'kechuang'];

export function getCriteriaSet(resourcesDir: string, id: string): CriteriaSet {
  const all = loadCriteriaSets(resourcesDir);
  const set = all.find((s) => s.id === id);
  if (!set) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的资质认定标准（可选：${all.map((s) => s.id).join('、')}）`);
  return set;
}

/** The sets in force on the date (the superseded ones only on request, by id). */
export function criteriaInForce(resourcesDir: string, date: string): CriteriaSet[] {
  return setsInForce(loadCriteriaSets(resourcesDir), date);
}
