import { z } from 'zod';
import { fieldKind } from './field-kind';
import { box, viewport } from './primitives';

/** A CSS selector built from structure and scrub-safe attributes only. */
export const selector = z.string().min(1).max(1024);

/** An element's tag name, lowercase, as the DOM reports it (or `unknown`). */
export const elementTag = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

/** An element's computed ARIA role, or null when it has none worth keeping. */
export const elementRole = z
  .string()
  .regex(/^[a-z]{1,32}$/)
  .nullable();

export const targetDescriptor = z
  .strictObject({
    tag: elementTag,
    role: elementRole,
    field: fieldKind.nullable(),
    selector,
    /** Selectors of the shadow hosts, outermost first, that contain the target. */
    shadow: z.array(selector).max(16),
    box,
    viewport,
    /** Accessible name, scrubbed, ≤ 80 characters; only at capture level `labels`. */
    name: z.string().max(80).optional(),
    /** The field's form label, scrubbed, ≤ 80 characters; only at capture level `labels`. */
    label: z.string().max(80).optional(),
  })
  .describe('The element interacted with, described without its content');
export type TargetDescriptor = z.infer<typeof targetDescriptor>;
