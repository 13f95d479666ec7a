/**
 * 技术需求 ↔ 科技成果 matching: the records as the matcher sees them. Plain types; how they are
 * stored is the repositories' business (they come later).
 */

export type TransferMode = '转让' | '许可' | '作价入股';

/** 技术需求: what an enterprise is looking for. */
export interface TechNeed {
  id: string;
  title: string;
  description: string;
  /** 所属领域, e.g. 新能源 / 生物医药; indexed as terms. */
  field: string;
  /** IPC codes such as `H01M 4/13` (a subclass alone, `H01M`, is accepted too). */
  ipcClasses: string[];
  /** 预算, integer fen. Not used for ranking. */
  budgetFen?: number | null;
  /** 期望完成日期, `YYYY-MM-DD`. Not used for ranking. */
  deadline?: string | null;
}

/** 科技成果: what a university or institute offers. */
export interface Achievement {
  id: string;
  title: string;
  abstract: string;
  /** 成果持有单位 (university / institute). Not indexed: a holder's name says nothing of the topic. */
  holder: string;
  /** 所属领域, when given; indexed as terms like a need's. */
  field?: string;
  ipcClasses: string[];
  /** Patent numbers behind the achievement. Not indexed. */
  patents: string[];
  /** 成熟度, e.g. 实验室阶段 / 小试 / 中试 / 已产业化. Not used for ranking. */
  maturity: string | null;
  transferModes: TransferMode[];
}

/** How the two records' IPC codes overlap: same main group (`H01M 4/`) beats same subclass (`H01M`). */
export interface IpcOverlap {
  level: 'group' | 'subclass';
  /** Shown as `H01M 4/` for a main group, `H01M` for a subclass. */
  code: string;
}

export interface MatchHit {
  /** The matched record's id (an achievement's for matchNeed, a need's for matchAchievement). */
  id: string;
  /** BM25 plus the IPC bonus; comparable within one query only. */
  score: number;
  /** The shared terms that contributed most, best first (at most five). */
  sharedTerms: string[];
  ipc: IpcOverlap | null;
  /** In Chinese, e.g. "共同关键词：锂电池、极片；IPC 同属 H01M 4/". */
  reason: string;
}
