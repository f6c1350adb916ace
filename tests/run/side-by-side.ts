// `npm test` runs its steps in groups; the lanes of one group run at the same time, the steps of a
// lane one after another (a lane stops at its first failure), each step's output printed whole when
// it ends (not interleaved), with how long it took. The exit code is non-zero when any step failed.
// Usage: tsx tests/run/side-by-side.ts <group>
//
// - `checks`: the type check, ESLint and the layer rule. Each is one single-threaded process, so on a
//   machine of two or more cores side by side takes as long as the slowest instead of their sum.
// - `builds-and-units`: the unit tests beside the store zips, the Firefox runs and the demo build the
//   end-to-end tests use. Vitest gives the unit tests one worker on a two-core machine (cores - 1) and
//   its files share that worker's modules (vitest.config.ts), so the second core had nothing to do for
//   the 70-85 s they take; the zips and builds (~70 s of CPU) use it now. The two touch no common
//   files: the unit tests read no build, and the zips' checks read the zips and .output-demo/, not the
//   demo build written last into .output/chrome-mv3.
// - `checks-builds-and-units` (npm test): both groups at once, in three lanes: the unit tests; the type
//   check, then the zips, Firefox runs and demo build; ESLint, then the layer rule. Run one group after
//   the other, the second core waited through the unit tests' last ~40 s (the zips and builds end
//   first) while the checks had run before on their own. The type check ends before the first build
//   starts: the builds rewrite .wxt/, which tsconfig.json extends; ESLint and the layer rule read
//   neither .wxt/ nor the builds. Timed at load 4 on two cores: 133 s against 141 s one group after the
//   other, the same ~245 s of CPU; the unit tests' lane (132 s, 102 s alone) is now the longest.
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
}

const npx = (name: string, ...args: string[]): Step => ({ name, command: 'npx', args });
const npm = (name: string, script: string): Step => ({ name, command: 'npm', args: ['run', '-s', script] });

const typeCheck = npx('type check (tsc --noEmit)', 'tsc', '--noEmit');
const eslint = npx('lint (eslint)', 'eslint', '.', '--cache', '--cache-location', 'node_modules/.cache/eslint/');
const layers = npx('layers (dependency-cruiser)', 'depcruise', 'lib', 'components', 'entrypoints', 'tests', 'demo', '--config', '.dependency-cruiser.cjs');
const units = npx('unit tests (vitest)', 'vitest', 'run');
const packages = npm('store zips, Firefox runs, then the demo build', 'test:packages-then-demo');

/** Each group's lanes: a lane's steps run one after another, the lanes side by side. */
const GROUPS: Record<string, Step[][]> = {
  checks: [[typeCheck], [eslint], [layers]],
  'builds-and-units': [[units], [packages]],
  'checks-builds-and-units': [[units], [typeCheck, packages], [eslint, layers]],
};

interface Outcome {
  step: Step;
  code: number;
  output: string;
  seconds: number;
}

const run = (step: Step): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    const done = (code: number, extra = '') => {
      const outcome = { step, code, output: Buffer.concat(chunks).toString('utf8') + extra, seconds: (performance.now() - started) / 1000 };
      print(outcome);
      resolve(outcome);
    };
    child.on('error', (e) => done(1, `\n${step.command} could not start: ${e.message}\n`));
    child.on('close', (code) => done(code ?? 1));
  });

const print = ({ step, code, output, seconds }: Outcome) => {
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  process.stdout.write(`\n==> ${step.name}: ${verdict} in ${seconds.toFixed(1)} s\n`);
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
};

/** A lane's steps one after another; a failed step ends the lane, and those after it are not run. */
const runLane = async (lane: Step[]): Promise<Outcome[]> => {
  const outcomes: Outcome[] = [];
  for (const step of lane) {
    const outcome = await run(step);
    outcomes.push(outcome);
    if (outcome.code !== 0) {
      const skipped = lane.slice(lane.indexOf(step) + 1);
      if (skipped.length) process.stdout.write(`\n==> not run, as ${step.name} failed: ${skipped.map((s) => s.name).join(', ')}\n`);
      break;
    }
  }
  return outcomes;
};

const group = process.argv[2] ?? '';
const lanes = GROUPS[group];
if (!lanes) {
  process.stderr.write(`Usage: tsx tests/run/side-by-side.ts <group>, with a group among: ${Object.keys(GROUPS).join(', ')}\n`);
  process.exit(2);
}
const outcomes = (await Promise.all(lanes.map(runLane))).flat();
const failed = outcomes.filter((o) => o.code !== 0);
if (failed.length) {
  const steps = lanes.flat().length;
  process.stdout.write(`\n${failed.length} of ${steps} steps failed: ${failed.map((o) => o.step.name).join(', ')}\n`);
  process.exit(1);
}
