/**
 * Runs every benchmark and prints each figure with its ratio to a baseline measured in the
 * same run, so a noisy machine does not fool anyone. Targets are read by people, not asserted.
 */
import { benchHarnessColdStart } from './harness-cold-start';

const benches = [benchHarnessColdStart];

for (const bench of benches) {
  const r = await bench();
  console.log(`${r.name}: ${r.value.toFixed(0)} ${r.unit}; baseline ${r.baseline.toFixed(0)} ${r.unit}; ratio ${(r.value / r.baseline).toFixed(2)}×`);
}
