// The closing line .ci/run prints over a CI log. A run where nothing failed once ended the script
// with exit 1 before this line (grep finding no "failed" under pipefail): CI went red on a green run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'regulars-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summarize(log: string): string {
  const file = path.join(dir, `log-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, log);
  // Throws if the script exits non-zero: that is the bug this test guards.
  return execFileSync('bash', [path.resolve('.ci/summarize'), file], { encoding: 'utf8' }).trim();
}

const esc = '\u001b[';
describe('the CI closing line', () => {
  it.each([
    ['every test passed, with colours', `${esc}2m      Tests ${esc}22m ${esc}1m${esc}32m2767 passed${esc}39m${esc}22m\n      Tests  6 passed (6)\n  11 skipped\n  50 passed (10.7m)\n`, 'tests: 2823 passed, 0 failed'],
    [
      'tests that passed on their retry are counted on a line before the closing one',
      'FLAKY: lib/a.test.ts > saves (passed after 1 retry) expected 1 to be 2\n      Tests  2767 passed (2767)\n      Tests  6 passed (6)\n  1 flaky\n  50 passed (10.7m)\n',
      'flaky: 2 test(s) failed once and passed on retry (named above): fix them\ntests: 2823 passed, 0 failed',
    ],
    ['unit and end-to-end failures', '      Tests  3 failed | 2764 passed (2767)\n      Tests  6 passed (6)\n  10 failed\n  50 passed (7.9m)\n', 'tests: 2820 passed, 13 failed'],
    ['a run that tested nothing', 'npm error missing script: test\n', 'tests: 0 passed, 0 failed'],
  ])('%s', (_name, log, line) => {
    expect(summarize(log)).toBe(line);
  });
});
