import { describe, expect, it } from 'vitest';
import { structuralWordSet } from '../../lib/privacy/structural-words';
import { describeTarget } from '../../lib/recorder/describe-target';
import { targetDescriptor } from '../../lib/schema';

const words = structuralWordSet({});
const context = () => ({
  testIdAttributes: ['data-testid'],
  passwordsSeen: new WeakSet<Element>(),
  words,
});

describe('describeTarget', () => {
  it('describes structure, role and field kind', () => {
    document.body.innerHTML =
      '<form><label>Email <input type="email" name="email" value="a@b.example"></label></form>';
    const input = document.querySelector('input')!;
    const descriptor = describeTarget(input, context());
    expect(descriptor).toMatchObject({ tag: 'input', role: 'textbox', field: 'email', shadow: [] });
    expect(targetDescriptor.parse(descriptor)).toEqual(descriptor);
  });

  it('contains no text or value of the page', () => {
    document.body.innerHTML =
      '<button data-testid="pay" title="CANARY-title" aria-label="CANARY-aria">CANARY-text</button><input value="CANARY-value" placeholder="CANARY-ph">';
    for (const element of document.querySelectorAll('button, input')) {
      expect(JSON.stringify(describeTarget(element, context()))).not.toContain('CANARY');
    }
  });

  it('records the shadow-host path of an element in a shadow root', () => {
    document.body.innerHTML = '<section><x-widget></x-widget></section>';
    const host = document.querySelector('x-widget')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<a href="/x?token=CANARY">Go</a>';
    const link = root.querySelector('a')!;
    const descriptor = describeTarget(link, context());
    expect(descriptor.shadow).toHaveLength(1);
    expect(document.querySelector(descriptor.shadow[0]!)).toBe(host);
    expect(descriptor.role).toBe('link');
    expect(JSON.stringify(descriptor)).not.toContain('CANARY');
  });
});

describe('describeTarget at capture level labels', () => {
  const labels = () => ({ ...context(), captureLevel: 'labels' as const });

  it('adds the scrubbed name and form label', () => {
    document.body.innerHTML =
      '<button>Email jane@mail.example now</button><label for="q">Search orders</label><input id="q" value="tt-canary-value">';
    const button = describeTarget(document.querySelector('button')!, labels());
    expect(button.name).toBe('Email <email> now');
    const input = describeTarget(document.querySelector('input')!, labels());
    expect(input.name).toBe('Search orders');
    expect(JSON.stringify(input)).not.toContain('canary');
  });

  it('replaces names and non-structural ids and classes, in name, label and selector', () => {
    document.body.innerHTML =
      '<a href="/u/alice" id="msg-from-alice" class="thread-jane-doe">Message from Alice Smith</a>' +
      '<label for="f">Re: your biopsy results</label><input id="f" class="search-Jean-Luc">';
    const link = describeTarget(document.querySelector('a')!, labels());
    expect(link.name).toBe('Message from <text>');
    const input = describeTarget(document.querySelector('input')!, labels());
    expect(input.name).toBe('Re: your <text> results');
    const text = JSON.stringify([link, input]).toLowerCase();
    for (const secret of ['alice', 'jane', 'doe', 'smith', 'biopsy', 'jean', 'luc']) {
      expect(text).not.toContain(secret);
    }
  });

  it('names nothing at capture level structure', () => {
    document.body.innerHTML = '<button>Buy</button>';
    const descriptor = describeTarget(document.querySelector('button')!, context());
    expect(descriptor.name).toBeUndefined();
    expect(descriptor.label).toBeUndefined();
  });

  it('never names a choice, which would say what was chosen', () => {
    document.body.innerHTML =
      '<label><input type="radio" name="ship"> Express</label><label for="c">Gift wrap</label><input type="checkbox" id="c"><div role="option">Blue</div>';
    for (const element of document.querySelectorAll('input, label, [role=option]')) {
      const descriptor = describeTarget(element, labels());
      expect(descriptor.name).toBeUndefined();
      expect(descriptor.label).toBeUndefined();
    }
  });
});
