/** cchc export: not built yet. */
import { UsageError } from '../errors.js';

export async function run(): Promise<number> {
  throw new UsageError('lệnh "export" chưa được xây dựng / the "export" command is not built yet');
}
