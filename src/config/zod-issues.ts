import type { z } from 'zod';

/** `environments.acceptance.accountId: must be a 12-digit AWS account id`, one line per issue. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const where = [prefix, path].filter(Boolean).join('.');
      return `${where || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}
