/**
 * IPC codes as the matcher compares them. `H01M 10/0525` is section H, class H01, subclass
 * H01M, main group H01M 10/, subgroup 0525. Two records overlap at the main group (the same
 * technical subject, e.g. H01M 4/ "electrodes") or, more loosely, at the subclass (H01M, "direct
 * conversion of chemical into electrical energy").
 */
export interface IpcKey {
  /** `H01M` */
  subclass: string;
  /** `H01M 4/`, or null when only a subclass was given. */
  group: string | null;
}

const IPC = /^\s*([A-H])\s*(\d{2})\s*([A-Z])\s*(?:(\d{1,4})\s*(?:\/\s*(\d{0,6}))?)?\s*$/;

/** Parses `H01M 4/13`, `h01m4/13`, `H01M 4/` or `H01M`; null for anything else. */
export function parseIpc(code: string): IpcKey | null {
  const m = IPC.exec(code.normalize('NFKC').toUpperCase());
  if (!m) return null;
  const subclass = `${m[1]}${m[2]}${m[3]}`;
  return { subclass, group: m[4] ? `${subclass} ${Number(m[4])}/` : null };
}

/** The index's term for a subclass: never produced by the tokenizer (no colon survives it). */
export const ipcTerm = (subclass: string): string => `ipc:${subclass}`;
export const isIpcTerm = (term: string): boolean => term.startsWith('ipc:');
