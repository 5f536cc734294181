import { describe, expect, expectTypeOf, it } from 'vitest';
import { PAGE_HANDLERS, type PageResponses } from '../../lib/background/page-handlers';
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
});
