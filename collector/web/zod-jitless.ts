import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, and probes for that the
 * first time it builds an object schema: the pages' CSP forbids eval, and even the caught
 * probe is reported as a violation. Jitless, zod never tries. Each page imports this file
 * first, before any module that builds a schema (lib/schema builds them as it loads).
 */
z.config({ jitless: true });
