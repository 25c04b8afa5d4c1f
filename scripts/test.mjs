// `npm test` after the build: the type check and the tests at the same time. tsc works on one core for about 15 s;
// AVA, started alongside, keeps the other core busy instead of waiting for it. Arguments go to AVA
// (`npm test -- test/package.test.ts`). Type errors are printed as soon as tsc finishes; the tests still run to the end
// (stopping them half-way would skip their teardowns and leave servers behind), and the exit code is 1 if either fails.
// Run through npm, which puts node_modules/.bin on PATH.
import {spawn} from 'node:child_process';

/** Resolves when the child has exited: its exit code, or the error that kept it from starting. */
function finished(child) {
	return new Promise((resolve) => {
		child.on('error', (error) => resolve({ok: false, why: error.message}));
		child.on('close', (code, signal) => resolve({ok: code === 0, why: signal ?? `exit code ${code}`}));
	});
}

const tests = finished(spawn('ava', process.argv.slice(2), {stdio: 'inherit'}));
const tsc = spawn('tsc', ['-p', 'tsconfig.json', '--noEmit'], {stdio: ['ignore', 'pipe', 'pipe']});
let typeErrors = '';
tsc.stdout.setEncoding('utf8').on('data', (chunk) => (typeErrors += chunk));
tsc.stderr.setEncoding('utf8').on('data', (chunk) => (typeErrors += chunk));

const typecheck = await finished(tsc);
if (!typecheck.ok) process.stderr.write(`\n${typeErrors}\nnpm test: the type check failed (${typecheck.why}).\n\n`);
const ava = await tests;
if (!typecheck.ok) process.stderr.write(`npm test: the type check failed (${typecheck.why}); its errors are printed above.\n`);
if (!ava.ok) process.stderr.write(`npm test: ava failed (${ava.why}).\n`);
process.exitCode = typecheck.ok && ava.ok ? 0 : 1;
