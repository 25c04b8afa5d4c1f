// One AVA worker for the console's pure units (text, keys, reducers, the safe services wrapper): a worker costs about a
// second of CPU to start. Run it with `npx ava test/ui/pure.test.ts`; each part was a test file. Files that render
// with Ink keep their own workers (Ink's modules load asynchronously, and AVA refuses tests declared late).
import './units.part.js';
import './safe-services.part.js';
import './state/reducers.part.js';
