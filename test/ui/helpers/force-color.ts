// Imported first by tests that check ANSI styling: chalk decides its colour level when it is first loaded, and the
// AVA worker's stdout is not a TTY, so without this every style would be dropped.
process.env['FORCE_COLOR'] = '3';
