/** The errors and exit codes live below cli/ (src/errors.ts) so that load/ can raise them. */
export { UsageError, EXIT } from '../errors.js';
