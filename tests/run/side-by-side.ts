// `npm test` and `npm run checks` run their steps side by side; each step's output is printed whole
// when it ends (not interleaved), with how long it took, except the end-to-end tests', which are
// printed as they run. The exit code is non-zero when any step failed. Usage:
// tsx tests/run/side-by-side.ts <checks|test>
//
// - `checks`: the type check, ESLint and the layer rule. Each is one single-threaded process, so on a
//   machine of two or more cores side by side takes as long as the slowest instead of their sum.
// - `test` (after the demo build, which package.json makes first): the end-to-end tests in Chromium
//   at normal priority, and beside them, at a low CPU priority (nice 10), the checks, then the
//   unit tests beside the store zips and the Firefox runs. The end-to-end tests are most of the run
//   and keep about one core of two busy: run alone they took 6.6 min, and the rest ran one after the
//   other before them for 2.5 min (static checks 35 s, unit tests 116 s). At low priority the other
//   steps take the CPU the browser leaves idle and a tenth of what both want (weight 110 against
//   1,024), so the end-to-end tests go at nearly their own pace while the rest is done under them.
//   Not nice 19 (weight 15): a step with a timeout (a test team server started within 30 s, Firefox
//   within 120 s) must still get on while the browser keeps both cores busy. The checks end before
//   the zips start: tsc and ESLint read the .wxt/ files a build rewrites. No two steps write a common file: the demo build the end-to-end
//   tests load (.output-demo/chrome-mv3) is made before any of them; the zips go to .output/ and the
//   Firefox demo build to .output-demo/firefox-mv3 (a WXT build empties only its own target's folder).
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Run at a low CPU priority (nice 10): mostly what the other steps leave idle. */
  low?: boolean;
  /** Printed as it runs, not when it ends. */
  live?: boolean;
}

const npx = (name: string, ...args: string[]): Step => ({ name, command: 'npx', args });
const npm = (name: string, script: string): Step => ({ name, command: 'npm', args: ['run', '-s', script] });
const low = (step: Step): Step => ({ ...step, low: true });

const CHECKS: Step[] = [
  npx('type check (tsc --noEmit)', 'tsc', '--noEmit'),
  npx('lint (eslint)', 'eslint', '.', '--cache', '--cache-location', 'node_modules/.cache/eslint/'),
  npx('layers (dependency-cruiser)', 'depcruise', 'lib', 'components', 'entrypoints', 'tests', 'demo', '--config', '.dependency-cruiser.cjs'),
];
const UNITS_AND_PACKAGES: Step[] = [npx('unit tests (vitest)', 'vitest', 'run'), npm('store zips and the Firefox runs', 'test:packages')];
const E2E: Step = { ...npx('end-to-end tests (playwright)', 'playwright', 'test'), live: true };

interface Outcome {
  step: Step;
  code: number;
}

// nice is POSIX; where it is missing the step runs at normal priority.
const niceable = process.platform !== 'win32';

const run = (step: Step): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const [command, args] = step.low && niceable ? ['nice', ['-n', '10', step.command, ...step.args]] : [step.command, step.args];
    const child = spawn(command, args, { stdio: ['ignore', step.live ? 'inherit' : 'pipe', step.live ? 'inherit' : 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.stdout?.on('data', (b: Buffer) => chunks.push(b));
    child.stderr?.on('data', (b: Buffer) => chunks.push(b));
    const done = (code: number, extra = '') => {
      const seconds = (performance.now() - started) / 1000;
      print(step, code, Buffer.concat(chunks).toString('utf8') + extra, seconds);
      resolve({ step, code });
    };
    child.on('error', (e) => done(1, `\n${command} could not start: ${e.message}\n`));
    child.on('close', (code) => done(code ?? 1));
  });

const print = (step: Step, code: number, output: string, seconds: number) => {
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  const priority = step.low && niceable ? ', at low priority' : '';
  process.stdout.write(`\n==> ${step.name}: ${verdict} in ${seconds.toFixed(1)} s${priority}\n`);
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
};

const all = (steps: Step[]) => Promise.all(steps.map(run));

const PLANS: Record<string, () => Promise<Outcome[]>> = {
  checks: () => all(CHECKS),
  test: async () => {
    const rest = async () => [...(await all(CHECKS.map(low))), ...(await all(UNITS_AND_PACKAGES.map(low)))];
    const [e2e, others] = await Promise.all([run(E2E), rest()]);
    return [...others, e2e];
  },
};

const plan = PLANS[process.argv[2] ?? ''];
if (!plan) {
  process.stderr.write(`Usage: tsx tests/run/side-by-side.ts <plan>, with a plan among: ${Object.keys(PLANS).join(', ')}\n`);
  process.exit(2);
}
const outcomes = await plan();
const failed = outcomes.filter((o) => o.code !== 0);
if (failed.length) {
  process.stdout.write(`\n${failed.length} of ${outcomes.length} steps failed: ${failed.map((o) => o.step.name).join(', ')}\n`);
  process.exit(1);
}
