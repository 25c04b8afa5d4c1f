// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/emulator/all.test.ts`; each part is one former test file.
import './admin.part.js';
import './assets.part.js';
import './audit-log.part.js';
import './auth.part.js';
import './bad-input.part.js';
import './classic.part.js';
import './cli.part.js';
import './defaults.part.js';
import './faults.part.js';
import './oas.part.js';
import './persist.part.js';
import './policies.part.js';
import './seed.part.js';
