// One AVA worker, tests one after another, for the hardening cases that take a few seconds each: a worker costs
// about a second of CPU to start, and these cases spawn the CLI, so running them serially keeps their timings
// honest. Run it with `npx ava test/hardening/quick.test.ts`; each part was a test file of its own.
import './secret-shapes.part.js';
import './stale-lock.part.js';
import './leftovers.part.js';
import './edit-during-apply.part.js';
import './dump-lock.part.js';
import './dot-ids.part.js';
import './cli-spoofing.part.js';
import './echoed-definition.part.js';
import './closed-pipe.part.js';
import './endless-body.part.js';
import './hostile-symlink.part.js';
import './plain-dir-symlink.part.js';
