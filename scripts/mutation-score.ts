/**
 * Per-file and per-folder mutation scores from Stryker's JSON report
 * (reports/mutation/mutation.json), printed as a Markdown table. Exits 1 when a folder
 * scores below the minimum (default 90 %), because Stryker's own `thresholds.break`
 * checks only the score over all files.
 *
 *   npx tsx scripts/mutation-score.ts [--min 90] [--report path] [--survivors]
 *
 * `--survivors` also lists each surviving or uncovered mutant: line:column, mutator, the
 * original code and its replacement (what a new test has to notice).
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface Mutant {
	readonly status: string;
	readonly mutatorName: string;
	readonly replacement?: string;
	readonly location: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
}
interface Report {
	readonly files: Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>;
}

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const min = Number(arg('--min', '90'));
const reportPath = arg('--report', 'reports/mutation/mutation.json');
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;

interface Tally {
	killed: number;
	timeout: number;
	survived: number;
	noCoverage: number;
	ignored: number;
	errors: number;
}
const empty = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
const add = (t: Tally, status: string) => {
	if (status === 'Killed') t.killed++;
	else if (status === 'Timeout') t.timeout++;
	else if (status === 'Survived') t.survived++;
	else if (status === 'NoCoverage') t.noCoverage++;
	else if (status === 'Ignored') t.ignored++;
	else t.errors++; // CompileError, RuntimeError: not counted in the score, as in Stryker
};
/** Stryker's mutation score: detected / (detected + undetected), percent; null with no valid mutant. */
const score = (t: Tally) => {
	const valid = t.killed + t.timeout + t.survived + t.noCoverage;
	return valid === 0 ? null : (100 * (t.killed + t.timeout)) / valid;
};

const files = new Map<string, Tally>();
const folders = new Map<string, Tally>();
for (const [path, file] of Object.entries(report.files)) {
	const f = empty();
	for (const m of file.mutants) add(f, m.status);
	files.set(path, f);
	const folder = dirname(path);
	const d = folders.get(folder) ?? empty();
	for (const m of file.mutants) add(d, m.status);
	folders.set(folder, d);
}

const pct = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(1)} %`);
const row = (name: string, t: Tally) =>
	`| ${name} | ${pct(score(t))} | ${t.killed + t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.ignored} |`;
const head = (what: string) => [`| ${what} | score | killed | survived | no coverage | ignored |`, '|---|---:|---:|---:|---:|---:|'];

console.log(['', ...head('file'), ...[...files].sort(([a], [b]) => a.localeCompare(b)).map(([p, t]) => row(p, t))].join('\n'));
console.log(['', ...head('folder'), ...[...folders].sort(([a], [b]) => a.localeCompare(b)).map(([p, t]) => row(p, t))].join('\n'));

if (process.argv.includes('--survivors')) {
	for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
		const open = file.mutants
			.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
			.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
		if (open.length === 0) continue;
		const lines = file.source.split('\n');
		console.log(`\n${path}`);
		for (const m of open) {
			const { start, end } = m.location;
			const text = lines[start.line - 1]!.slice(start.column - 1, start.line === end.line ? end.column - 1 : undefined);
			const flat = (t: string) => t.replace(/\s+/g, ' ').slice(0, 90);
			const tag = m.status === 'NoCoverage' ? ' (no coverage)' : '';
			console.log(`  ${start.line}:${start.column} ${m.mutatorName}${tag}: ${flat(text)} → ${flat(m.replacement ?? '')}`);
		}
	}
}

const low = [...folders].filter(([, t]) => (score(t) ?? 100) < min);
if (low.length > 0) {
	console.error(`\nBelow ${min} %: ${low.map(([p, t]) => `${p} (${pct(score(t))})`).join(', ')}`);
	process.exit(1);
}
console.log(`\nEvery folder scores at least ${min} %.`);
