/**
 * Which qualifications an enterprise holds (its certificate on file) and which its self-check
 * expects it to meet (预计符合): a bank product or subsidy rule asking for a qualification is met
 * by either, the second said so, never taken for a certificate.
 */
import type { QualificationResult } from '../qualification';
import type { Qualification } from '../enterprise';

/** The enterprise record's qualification a criteria set leads to. */
export const CERTIFICATE_OF: Readonly<Record<string, Qualification>> = {
  高新技术企业: '高新技术企业',
  科技型中小企业: '科技型中小企业',
  专精特新中小企业: '专精特新',
};

/** The qualifications the self-checks pass that are not on file. */
export function expectedQualifications(checks: readonly QualificationResult[], held: readonly Qualification[]): Qualification[] {
  const out = checks
    .filter((c) => c.result === 'pass')
    .map((c) => CERTIFICATE_OF[c.set.qualification])
    .filter((q): q is Qualification => !!q && !held.includes(q));
  return [...new Set(out)];
}

/** A check's word on the page: the certificate on file wins over the self-check. */
export const heldCertificate = (c: QualificationResult, held: readonly Qualification[]): boolean => {
  const q = CERTIFICATE_OF[c.set.qualification];
  return !!q && held.includes(q);
};
