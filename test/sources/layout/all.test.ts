// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/sources/layout/all.test.ts`; each part is one former test file.
import './atomic-write.part.js';
import './file-names.part.js';
import './file-store.part.js';
import './json-text.part.js';
import './reader.part.js';
import './writer.part.js';
import './overlay.part.js';
