// One AVA worker for the whole folder: each worker costs about a second of CPU to start, and these files are
// small. Run the folder with `npx ava test/core/all.test.ts`; each part is one former test file.
import './canonical.part.js';
import './checks.part.js';
import './compare-counted.part.js';
import './compare.part.js';
import './diff-rows.part.js';
import './echo-scrub.part.js';
import './environment-name.part.js';
import './json-error.part.js';
import './normalize.part.js';
import './origin.part.js';
import './pair-detail.part.js';
import './paths.part.js';
import './planning.part.js';
import './review.part.js';
import './safe-text.part.js';
import './secrets.part.js';
import './selection.part.js';
import './overlay.part.js';
