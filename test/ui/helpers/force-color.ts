import chalk from 'chalk';

// Imported first by tests that check ANSI styling. The AVA worker's stdout is not a TTY and AVA has already loaded
// chalk (the same instance Ink uses) with colour off, so the level is raised here explicitly.
process.env['FORCE_COLOR'] = '3';
chalk.level = 3;
