// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/engine/all.test.ts`; each part is one former test file.
import './apply-live.part.js';
import './blame.part.js';
import './checks.part.js';
import './git-side.part.js';
import './operations.part.js';
import './plans.part.js';
import './selective.part.js';
import './verify-values.part.js';
import './verify.part.js';
import './overlays.part.js';
