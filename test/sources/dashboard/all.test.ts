// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/sources/dashboard/all.test.ts`; each part is one former test file.
import './client.part.js';
import './emulator.part.js';
import './exchange.part.js';
import './items.part.js';
import './list-json.part.js';
import './listing.part.js';
import './retries.part.js';
