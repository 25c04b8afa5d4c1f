// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/sources/git/all.test.ts`; each part is one former test file.
import './branch-index.part.js';
import './cat-file.part.js';
import './commit.part.js';
import './history.part.js';
import './notes.part.js';
import './ref-store.part.js';
