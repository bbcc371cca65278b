// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON report,
// and says so when vitest failed the run for another reason (an unhandled error, a suite that failed to load).
import { existsSync, readFileSync } from 'node:fs';

if (!existsSync(process.argv[2])) {
  console.log('vitest wrote no report: it failed before running any test (see the error above).');
  process.exit(1);
}
const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const failedSuites = (report.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).every((t) => t.status !== 'failed'),
).length;
if (!report.success && report.numFailedTests === 0) {
  console.log(
    `vitest failed the run: ${failedSuites} test file(s) failed to run, or an unhandled error occurred.`,
  );
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
