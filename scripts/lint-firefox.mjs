// Runs web-ext lint on the Firefox build and fails on any error or on a
// warning that the README does not explain (listed in ACCEPTED below).
import { execFileSync } from 'node:child_process';

// Each accepted warning is explained in the README, section "Firefox lint".
const ACCEPTED = new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);

const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-input'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).toString();
const report = JSON.parse(out.slice(out.indexOf('{')));
const show = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const m of report.errors) console.log('error' + show(m));
for (const m of report.warnings) console.log((ACCEPTED.has(m.code) ? 'warning (explained in README)' : 'warning') + show(m));
const unexplained = report.warnings.filter((m) => !ACCEPTED.has(m.code));
if (report.errors.length || unexplained.length) process.exit(1);
