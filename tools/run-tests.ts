/**
 * `npm test`: every test, then one closing line, `N passed, N failed`, which
 * CI reads (.ci/run).
 *
 * 1. Vitest runs the unit, build and browser projects (vitest.config.ts); its
 *    summary reporter writes its counts to a file instead of the closing line.
 * 2. The type check (`npm run check`: astro check, which fails on any error or
 *    warning) runs after it, and counts as one more test, passed or failed.
 * 3. The closing line adds the two up. The exit code is non-zero if either failed.
 *
 * With arguments (`npm test -- --project unit`, `npm test -- tests/unit/x.test.ts`),
 * only Vitest runs, with those arguments, and ends with its own closing line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryLine, type Summary } from '../tests/support/summary-reporter.ts';

const PROJECT = join(import.meta.dirname, '..');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const vitest = (args: string[], env?: NodeJS.ProcessEnv) => run(process.execPath, [join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], env);

const args = process.argv.slice(2);
if (args.length > 0) {
  process.exitCode = await vitest(args);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'run-tests-'));
  const summaryFile = join(dir, 'summary.json');
  const vitestCode = await vitest([], { TEST_SUMMARY_FILE: summaryFile });
  let summary: Summary;
  try {
    summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
  } catch {
    // Vitest ended before its reporter could count: that is one failure at least.
    console.error(`Vitest ended (exit code ${vitestCode}) without counting its tests.`);
    summary = { passed: 0, failed: 1, skipped: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  if (vitestCode !== 0 && summary.failed === 0) summary.failed = 1;

  console.log('\nType check (npm run check):');
  // npm_execpath is the npm that runs this script; the check script is defined once, in package.json.
  const npm = process.env['npm_execpath'];
  const checkCode = npm ? await run(process.execPath, [npm, 'run', '--silent', 'check']) : await run('npm', ['run', '--silent', 'check']);
  if (checkCode === 0) summary.passed += 1;
  else summary.failed += 1;
  console.log(`Type check: ${checkCode === 0 ? 'passed' : 'failed'}`);

  process.stdout.write(`\n${summaryLine(summary)}\n`);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
