/**
 * Runs every benchmark and prints each figure with its ratio to a baseline measured in the
 * same run, so a noisy machine does not fool anyone. Targets are read by people, not asserted.
 * `npm run bench -- <name>` runs only the benchmarks whose name contains <name>.
 */
import { benchCentral } from './central';
import { benchDashboardScale } from './dashboard-scale';
import { benchDistrictScale } from './district-scale';
import { benchEncryption } from './encryption';
import { benchHarnessColdStart } from './harness-cold-start';
import { benchImportResponsiveness } from './import-responsiveness';
import { benchMatching } from './matching';
import { benchQualify } from './qualify';
import { benchSandbox } from './sandbox';
import { benchSync } from './sync';
import { benchValuation } from './valuation';
import type { Figure } from './stats';

const BENCHES: [string, () => Promise<Figure | Figure[]>][] = [
  ['harness', benchHarnessColdStart],
  ['district', benchDistrictScale],
  ['encryption', benchEncryption],
  ['dashboard', benchDashboardScale],
  ['responsive', benchImportResponsiveness],
  ['valuation', benchValuation],
  ['central', benchCentral],
  ['sync', benchSync],
  ['sandbox', benchSandbox],
  ['matching', benchMatching],
  ['qualify', benchQualify],
];

const only = process.argv[2];
for (const [name, bench] of BENCHES) {
  if (only && !name.includes(only)) continue;
  for (const f of ([] as Figure[]).concat(await bench())) {
    const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
    console.log(
      `${f.name}: ${fmt(f.value)} ${f.unit}; baseline ${fmt(f.baseline)} ${f.unit}; ratio ${(f.value / f.baseline).toFixed(2)}×${f.note ? `  (${f.note})` : ''}`,
    );
  }
}
