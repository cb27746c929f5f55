// Every API response is parsed with zod before the sync reads it; a body that is not what the
// platform documents becomes a SyncError('malformed') naming the first field that is off.
import type { z } from 'zod';
import { SyncError } from './types';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new SyncError('malformed', `${what}: ${where}${issue?.message ?? ''}`);
  }
  return result.data;
}
