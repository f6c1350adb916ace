// Vitest reporter (CI only, beside the default one): names every test that failed and then passed
// on its retry, with the first error, so a flaky test is seen in the log and fixed, not hidden by
// the retry. .ci/summarize counts these lines.
import type { Reporter, TestCase } from 'vitest/node';

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase) {
    const diagnostic = test.diagnostic();
    if (!diagnostic?.flaky) return;
    const first = test.result().errors?.[0]?.message?.split('\n')[0] ?? '';
    this.flaky.push(`${test.module.relativeModuleId} > ${test.fullName} (passed after ${diagnostic.retryCount} retr${diagnostic.retryCount === 1 ? 'y' : 'ies'}) ${first}`.trim());
  }

  onTestRunEnd() {
    for (const line of this.flaky) console.log(`FLAKY: ${line}`);
  }
}
