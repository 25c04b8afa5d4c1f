/**
 * An emulator in its own process for the scenarios that measure a client against it: argv gives the seed counts and
 * the injected latency (`APIS POLICIES TEMPLATES LATENCY_MS`), BENCH_KEY the key. Prints `ready <url>` when listening.
 */
import {startEmulator} from '../../source/emulator/index.js';

const [apis = '2000', policies = '1000', templates = '50', latency = '0'] = process.argv.slice(2);
const emu = await startEmulator({
	secret: process.env['BENCH_KEY'] ?? 'bench',
	seed: Number(apis), seedPolicies: Number(policies), seedTemplates: Number(templates), latencyMs: Number(latency),
});
process.stdout.write(`ready ${emu.url}\n`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
