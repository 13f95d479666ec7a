// Prints "N passed, N failed" from vitest's JSON report. A step that failed before or
// outside vitest (install, lint, type-check, security lint) counts as one failed check.
import fs from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync('.test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrors ?? 0);
} catch {
  // no report: vitest never ran
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
