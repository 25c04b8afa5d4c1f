import {keysMarkdown} from '../source/ui/keys-table.js';

process.stdout.write(`${keysMarkdown()}\n`);
