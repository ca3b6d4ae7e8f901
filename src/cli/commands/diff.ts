/** cchc diff: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "diff" chưa được xây dựng / the "diff" command is not built yet');
}
