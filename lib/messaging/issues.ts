// How a refused request's schema issues read in the reply: the router's for every request, and the
// import's for a batch it validates itself (import-request.ts), so both read alike.
import type { z } from 'zod';

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}
