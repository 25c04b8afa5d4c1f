// One AVA worker, tests one after another, for the end-to-end command cases that take a few seconds each: a worker
// costs about a second of CPU to start. Run it with `npx ava test/commands/quick.test.ts`; each part was a test file.
import './adhoc.part.js';
import './migrate.part.js';
import './envs.part.js';
import './help.part.js';
import './write-gate.part.js';
import './secrets.part.js';
import './undo-edited.part.js';
import './journey.part.js';
import './policy-address.part.js';
import './saved-plan.part.js';
import './review.part.js';
import './checks.part.js';
import './origins.part.js';
import './overlays.part.js';
