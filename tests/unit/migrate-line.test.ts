import { describe, expect, it } from 'vitest';
import {
  type EpisodeLine,
  type EventLine,
  episodeLine,
  eventLine,
  SCHEMA_VERSION,
} from '../../lib/schema';
import { migrateLine, readDatasetLine } from '../../lib/trace/migrate-line';

/**
 * Lines of schema version 1 exactly as that version exported them: made by the collector's
 * `toEpisodes` and `events.jsonl` shape of commit 5b25b05 (`git show 5b25b05:lib/schema/dataset.ts`)
 * from one checkout session, and checked against that version's schema.json.
 */
const V1_EVENT_LINES = [
  '{"schemaVersion":1,"study":"demo","participant":"p_0123456789abcdef0123","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","extensionVersion":"0.1.0","consentVersion":"2026-01","task":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:0","event":{"kind":"navigation","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":1,"t":1767225600500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/"},"transition":"typed","qualifiers":["from_address_bar"]}}',
  '{"schemaVersion":1,"study":"demo","participant":"p_0123456789abcdef0123","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","extensionVersion":"0.1.0","consentVersion":"2026-01","task":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:0","event":{"kind":"click","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":2,"t":1767225601000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/"},"target":{"tag":"a","role":"link","field":null,"selector":"nav > a.checkout","shadow":[],"box":{"x":40,"y":12,"w":240,"h":32},"viewport":{"w":1280,"h":800}},"button":0,"clicks":1,"mods":[]}}',
];
const V1_EPISODE_LINE =
  '{"schemaVersion":1,"study":"demo","participant":"p_0123456789abcdef0123","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","extensionVersion":"0.1.0","consentVersion":"2026-01","task":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:0","goal":"Buy the blue lamp","outcome":"done","boundariesBy":"volunteer","start":{"seq":0,"t":1767225600000},"end":{"seq":13,"t":1767225606500},"actions":[{"kind":"navigation","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":1,"t":1767225600500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/"},"transition":"typed","qualifiers":["from_address_bar"]},{"kind":"click","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":2,"t":1767225601000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/"},"target":{"tag":"a","role":"link","field":null,"selector":"nav > a.checkout","shadow":[],"box":{"x":40,"y":12,"w":240,"h":32},"viewport":{"w":1280,"h":800}},"button":0,"clicks":1,"mods":[]},{"kind":"navigation","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":3,"t":1767225601500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"transition":"link","qualifiers":[]},{"kind":"focus","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":4,"t":1767225602000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"input","role":"textbox","field":"email","selector":"form > input[name=\\"email\\"]","shadow":[],"box":{"x":40,"y":100,"w":240,"h":32},"viewport":{"w":1280,"h":800}}},{"kind":"edit","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":5,"t":1767225602500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"input","role":"textbox","field":"email","selector":"form > input[name=\\"email\\"]","shadow":[],"box":{"x":40,"y":100,"w":240,"h":32},"viewport":{"w":1280,"h":800}}},{"kind":"key","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":6,"t":1767225603000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"input","role":"textbox","field":"email","selector":"form > input[name=\\"email\\"]","shadow":[],"box":{"x":40,"y":100,"w":240,"h":32},"viewport":{"w":1280,"h":800}},"key":"Tab","mods":[]},{"kind":"change","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":7,"t":1767225603500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"select","role":"combobox","field":"select","selector":"form > select[name=\\"country\\"]","shadow":[],"box":{"x":40,"y":150,"w":240,"h":32},"viewport":{"w":1280,"h":800}}},{"kind":"scroll","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":8,"t":1767225604000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"x":0,"y":420},{"kind":"click","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":9,"t":1767225604500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"button","role":"button","field":null,"selector":"form > button[type=\\"submit\\"]","shadow":[],"box":{"x":40,"y":300,"w":240,"h":32},"viewport":{"w":1280,"h":800}},"button":0,"clicks":1,"mods":[]},{"kind":"submit","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":10,"t":1767225605000,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/checkout"},"target":{"tag":"form","role":"form","field":null,"selector":"main > form","shadow":[],"box":{"x":40,"y":80,"w":240,"h":32},"viewport":{"w":1280,"h":800}},"fields":{"email":1,"select":1}},{"kind":"navigation","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":11,"t":1767225605500,"tab":0,"frame":[],"page":{"origin":"https://shop.example","path":"/orders/:id"},"transition":"form_submit","qualifiers":[]},{"kind":"tab","session":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","seq":12,"t":1767225606000,"tab":1,"action":"opened"}]}';

const SESSION = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

describe('migrating dataset lines', () => {
  it('stamps a v1 events line with the current version and keeps its event as it was', () => {
    for (const text of V1_EVENT_LINES) {
      const old = JSON.parse(text) as Record<string, unknown>;
      const line = readDatasetLine(text) as EventLine;
      expect(eventLine.parse(line)).toEqual(line);
      expect(line).toEqual({ ...old, schemaVersion: SCHEMA_VERSION });
      // Keys in the order the current export writes them.
      expect(Object.keys(line)).toEqual(Object.keys(eventLine.shape));
    }
  });

  it('turns a v1 episode’s events into actions, with no observations', () => {
    const old = JSON.parse(V1_EPISODE_LINE) as Record<string, unknown>;
    const line = readDatasetLine(V1_EPISODE_LINE) as EpisodeLine;
    expect(episodeLine.parse(line)).toEqual(line);
    expect(Object.keys(line)).toEqual(Object.keys(episodeLine.shape));
    const { actions: _events, ...stamps } = old;
    expect(line).toMatchObject({ ...stamps, schemaVersion: SCHEMA_VERSION, observations: [] });
    const input = 'form > input[name="email"]';
    expect(
      line.actions.map((action) => [
        action.seq,
        action.type,
        action.path,
        action.selector,
        action.slot ?? action.key ?? action.dy ?? action.tab,
      ]),
    ).toEqual([
      [1, 'goto', '/', null, null],
      [2, 'click', '/', 'nav > a.checkout', null],
      // The link's load (3) and the focus (4) are no actions.
      [5, 'type', '/checkout', input, '{email}'],
      [6, 'press', '/checkout', input, 'Tab'],
      [7, 'select', '/checkout', 'form > select[name="country"]', '{select}'],
      // Only the task's own events were exported: the first scroll counts from 0.
      [8, 'scroll', '/checkout', null, 420],
      [9, 'click', '/checkout', 'form > button[type="submit"]', null],
      // The submit (10) and the form's load (11) are what the click did.
      [12, 'tab', null, null, 'open'],
    ]);
    expect(line.actions.every((action) => action.observation === null)).toBe(true);
    expect(line.actions[2]).toMatchObject({
      selector: input,
      field: 'email',
      role: 'textbox',
      box: { x: 40, y: 100, w: 240, h: 32 },
    });
    expect(line.task).toBe(`${SESSION}:0`);
  });

  it('reads current lines as they are, and nothing that is not a line', () => {
    const episode = readDatasetLine(V1_EPISODE_LINE);
    expect(migrateLine(JSON.parse(JSON.stringify(episode)))).toEqual(episode);
    const event = readDatasetLine(V1_EVENT_LINES[0] as string);
    expect(migrateLine(event)).toEqual(event);
    expect(() => migrateLine({ ...event, schemaVersion: 3 })).toThrow();
    expect(() => migrateLine({ ...(JSON.parse(V1_EPISODE_LINE) as object), value: 'x' })).toThrow();
    expect(() => migrateLine(null)).toThrow();
    expect(() => readDatasetLine('{"schemaVersion":1')).toThrow();
  });
});
