// `npm test`: typecheck, lint, build, unit + database tests (vitest), browser tests (Playwright
// in Debian's Chromium), then one summary. Every step runs even when an earlier one fails, so a
// single run shows everything that is wrong; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const reports = 'test-results/reports';
mkdirSync(reports, { recursive: true });
const deep = process.argv.includes('--deep');

/** @type {{ name: string, ok: boolean, seconds: number, detail: string }[]} */
const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  const step = { name, ok, seconds: (Date.now() - started) / 1000, detail: ok ? 'ok' : `exit ${result.status ?? result.signal}` };
  steps.push(step);
  return step;
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}

run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.web.json']);
run('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
const build = run('build', 'npm', ['run', '--silent', 'build']);

const vitest = run('unit + db (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`], deep ? { ZONELINK_DEEP: '1' } : {});
const v = readJson(`${reports}/vitest.json`);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  vitest.detail = `${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests} skipped`;
}

if (build.ok) {
  const e2e = run('browser (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` });
  const p = readJson(`${reports}/playwright.json`);
  if (p?.stats) {
    const s = p.stats;
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    skipped += s.skipped ?? 0;
    e2e.detail = `${s.expected} passed, ${(s.unexpected ?? 0) + (s.flaky ?? 0)} failed, ${s.skipped} skipped`;
  }
  // The small bench only proves the benchmark still runs; its figures are not asserted.
  run('bench (small, proves it runs)', 'node', ['build/scripts/bench.mjs', '--small']);
} else {
  steps.push({ name: 'browser (Playwright, Chromium)', ok: false, seconds: 0, detail: 'not run: the build failed' });
}

console.log('\n━━ Summary ━━');
for (const s of steps) {
  console.log(`${s.ok ? 'PASS' : 'FAIL'}  ${s.name.padEnd(34)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.detail}`);
}
const allOk = steps.every((s) => s.ok);
console.log(allOk ? '\nAll steps passed.' : `\nFailed steps: ${steps.filter((s) => !s.ok).map((s) => s.name).join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk ? 0 : 1);
