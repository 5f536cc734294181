import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { checkPageAnswer } from '../../lib/background/check-page-answer';
import { PAGE_HANDLERS } from '../../lib/background/page-handlers';
import { type PageResponses, pageResponses } from '../../lib/messaging/page-responses';
import { pageMessage } from '../../lib/messaging/protocol';
import type { sendToBackground } from '../../lib/messaging/send-to-background';
import type { ExtensionState, LocalExport, OptionsState, StudyManifest } from '../../lib/schema';

describe('the page protocol', () => {
  it('has one handler for every request the schema accepts, and no other', () => {
    const kinds = pageMessage.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(PAGE_HANDLERS).sort()).toEqual(kinds);
  });

  it('ties each request to the type of its answer', () => {
    expectTypeOf<PageResponses['state/get']>().toEqualTypeOf<ExtensionState>();
    expectTypeOf<PageResponses['options/get']>().toEqualTypeOf<OptionsState>();
    expectTypeOf<PageResponses['local/export']>().toEqualTypeOf<LocalExport>();
    expectTypeOf<PageResponses['study/preview']>().toEqualTypeOf<StudyManifest>();
    type Sent = ReturnType<typeof sendToBackground<{ type: 'state/get' }>>;
    expectTypeOf<Sent>().toEqualTypeOf<Promise<ExtensionState>>();
    // @ts-expect-error: a page cannot expect another answer than the one it gets.
    expectTypeOf<Sent>().toEqualTypeOf<Promise<OptionsState>>();
  });

  it('has one answer schema for every request', () => {
    expect(Object.keys(pageResponses).sort()).toEqual(Object.keys(PAGE_HANDLERS).sort());
  });

  describe('in test builds', () => {
    afterEach(() => vi.unstubAllEnvs());
    const answer = {
      deleted: { sessions: 1, events: 3 },
      erased: null,
    } satisfies PageResponses['study/leave'];

    it('lets an answer that matches its schema through unchanged', () => {
      vi.stubEnv('MODE', 'e2e');
      expect(checkPageAnswer('study/leave', answer)).toBe(answer);
    });

    it('refuses an answer that drifted from its schema, naming the request', () => {
      vi.stubEnv('MODE', 'e2e');
      const drifted = { ...answer, extra: true } as unknown as PageResponses['study/leave'];
      expect(() => checkPageAnswer('study/leave', drifted)).toThrow(/study\/leave/);
      const missing = { deleted: answer.deleted } as unknown as PageResponses['study/leave'];
      expect(() => checkPageAnswer('study/leave', missing)).toThrow(/does not match/);
    });

    it('leaves production answers unparsed', () => {
      vi.stubEnv('MODE', 'production');
      const drifted = { extra: true } as unknown as PageResponses['study/leave'];
      expect(checkPageAnswer('study/leave', drifted)).toBe(drifted);
    });
  });
});
