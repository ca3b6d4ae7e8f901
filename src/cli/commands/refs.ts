/** cchc refs: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "refs" chưa được xây dựng / the "refs" command is not built yet');
}
