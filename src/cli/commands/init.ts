/** cchc init: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "init" chưa được xây dựng / the "init" command is not built yet');
}
