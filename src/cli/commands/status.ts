/** cchc status: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "status" chưa được xây dựng / the "status" command is not built yet');
}
