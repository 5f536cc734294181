import type { z } from 'zod';

/** One line per issue, `path.to.field: message`, so people can find the field at once. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => String(part)).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
