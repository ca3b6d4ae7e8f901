/** cchc new: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "new" chưa được xây dựng / the "new" command is not built yet');
}
