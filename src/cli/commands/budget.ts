/** cchc budget: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "budget" chưa được xây dựng / the "budget" command is not built yet');
}
