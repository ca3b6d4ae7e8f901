/** The entry of the built CLI (dist/cli.cjs, scripts/build.mjs; started by bin/cchc.cjs). */
import { main } from './main.js';

void main(process.argv);
