// `npm run checks`: the type check, ESLint and the layer rule at the same time. Each is one
// single-threaded process, so on a machine of two or more cores running them side by side takes as
// long as the slowest instead of their sum. Each one's output is printed whole when it ends (not
// interleaved), with how long it took; the exit code is non-zero when any of them failed.
import { spawn } from 'node:child_process';

interface Check {
  name: string;
  command: string;
  args: string[];
}

const CHECKS: Check[] = [
  { name: 'type check (tsc --noEmit)', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint (eslint)', command: 'npx', args: ['eslint', '.', '--cache', '--cache-location', 'node_modules/.cache/eslint/'] },
  { name: 'layers (dependency-cruiser)', command: 'npx', args: ['depcruise', 'lib', 'components', 'entrypoints', 'tests', 'demo', '--config', '.dependency-cruiser.cjs'] },
];

interface Outcome {
  check: Check;
  code: number;
  output: string;
  seconds: number;
}

const run = (check: Check): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const child = spawn(check.command, check.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    const done = (code: number, extra = '') => {
      const outcome = { check, code, output: Buffer.concat(chunks).toString('utf8') + extra, seconds: (performance.now() - started) / 1000 };
      print(outcome);
      resolve(outcome);
    };
    child.on('error', (e) => done(1, `\n${check.command} could not start: ${e.message}\n`));
    child.on('close', (code) => done(code ?? 1));
  });

const print = ({ check, code, output, seconds }: Outcome) => {
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  process.stdout.write(`\n==> ${check.name}: ${verdict} in ${seconds.toFixed(1)} s\n`);
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
};

const outcomes = await Promise.all(CHECKS.map(run));
const failed = outcomes.filter((o) => o.code !== 0);
if (failed.length) {
  process.stdout.write(`\n${failed.length} of ${outcomes.length} static checks failed: ${failed.map((o) => o.check.name).join(', ')}\n`);
  process.exit(1);
}
