// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/config/all.test.ts`; each part is one former test file.
import './discover.part.js';
import './flags.part.js';
import './secret.part.js';
import './validate.part.js';
