import { z } from 'zod';
import { endpointUrl, queryKey } from './primitives';

/**
 * A browser match pattern without a port: `<scheme>://<host>/<path>`, where the
 * scheme is `http`, `https` or `*` and the host is `*`, `*.example.org` or a name.
 */
export const matchPattern = z
  .string()
  .max(300)
  .regex(/^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:]+\])\/[^\s?#]*$/i, {
    message:
      'must be a match pattern like https://shop.example/* (scheme http, https or *; no port, query or fragment)',
  });

export const allowlistEntry = z.strictObject({
  match: matchPattern,
  /** Path globs (`/account/*`) under the match that are never recorded. */
  excludePaths: z
    .array(z.string().regex(/^\/[^\s?#]*$/, { message: 'must be a path glob starting with /' }))
    .max(64)
    .default([]),
});
export type AllowlistEntry = z.infer<typeof allowlistEntry>;

export const captureLevel = z.enum(['structure', 'labels']);
export type CaptureLevel = z.infer<typeof captureLevel>;

export const routeTemplate = z
  .string()
  .regex(/^\/([A-Za-z0-9._~-]+|:[a-z][a-z0-9_]*)?(\/([A-Za-z0-9._~-]+|:[a-z][a-z0-9_]*))*\/?$/, {
    message: 'must be a path template like /:user/:repo/issues/:n',
  });

/** One lowercase word: letters (any script), inner apostrophes; no digits or spaces. */
export const structuralWord = z
  .string()
  .max(32)
  .regex(/^\p{L}[\p{L}\p{M}']*$/u, { message: 'must be one word of letters' })
  .refine((word) => word === word.toLowerCase(), { message: 'must be lowercase' });

/** A study as the researcher writes it in `studies/<id>.json`. */
export const studyFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'must be 2–63 lowercase letters, digits or dashes',
  }),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  researcher: z.strictObject({
    name: z.string().min(1).max(200),
    contact: z.string().min(3).max(200),
    institution: z.string().max(200).optional(),
  }),
  consent: z.strictObject({
    text: z.string().min(1).max(20_000),
    version: z.string().min(1).max(64),
  }),
  allowlist: z.array(allowlistEntry).min(1).max(100),
  captureLevel: captureLevel.default('structure'),
  /** Attributes such as `data-testid` whose values are safe to use in selectors. */
  testIdAttributes: z
    .array(z.string().regex(/^data-[a-z0-9-]+$/, { message: 'must be a data-* attribute name' }))
    .max(8)
    .default([]),
  routeTemplates: z.array(routeTemplate).max(200).default([]),
  /** Query keys whose presence (never their values) may be recorded. */
  queryKeys: z.array(queryKey).max(32).default([]),
  /**
   * Words the study names as structural, beyond the built-in vocabulary and the words of
   * its templates and allowlist: path segments, ids, classes and (at level `labels`) name
   * words made only of structural words are kept, all others replaced (PRIVACY.md).
   */
  structuralWords: z.array(structuralWord).max(500).default([]),
  /** Where uploads go; defaults to the collector that serves the study. */
  endpoint: endpointUrl.optional(),
  retentionDays: z.number().int().min(1).max(3650),
  /** The dataset's license for its datasheet, as a Hugging Face / SPDX id (`cc-by-4.0`). */
  license: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.+-]{0,63}$/i, {
      message: 'must be a license id such as cc-by-4.0, mit or other',
    })
    .optional(),
});
export type StudyFile = z.input<typeof studyFile>;

/** The study as served to the extension: everything resolved, endpoint included. */
export const studyManifest = studyFile.extend({ endpoint: endpointUrl });
export type StudyManifest = z.infer<typeof studyManifest>;
