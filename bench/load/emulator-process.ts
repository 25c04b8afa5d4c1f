/**
 * The emulator for the `load` scenario, in its own process so its memory and CPU never count as the client's.
 * Seed counts come from argv (`APIS POLICIES TEMPLATES`), the key from BENCH_KEY; prints `ready <url>` when listening.
 */
import {startEmulator} from '../../source/emulator/index.js';

const [apis = '2000', policies = '1000', templates = '50'] = process.argv.slice(2);
const emu = await startEmulator({
	secret: process.env['BENCH_KEY'] ?? 'bench', seed: Number(apis), seedPolicies: Number(policies), seedTemplates: Number(templates),
});
process.stdout.write(`ready ${emu.url}\n`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
