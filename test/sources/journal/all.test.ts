// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/sources/journal/all.test.ts`; each part is one former test file.
import './audit.part.js';
import './base-file.part.js';
import './interrupted.part.js';
import './journal.part.js';
