// Preloaded with `node --require` into a CLI run by the console scenario: prints the process's peak RSS when it
// exits, so the console's RSS can be set against the same load and compare without any UI.
process.on('exit', () => process.stderr.write(`\nbench-maxrss-kb ${process.resourceUsage().maxRSS}\n`));
