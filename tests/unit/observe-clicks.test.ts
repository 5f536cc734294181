import { describe, expect, it } from 'vitest';
import { pageEventDraft } from '../../lib/schema';
import { record, trusted } from './support/record';

describe('observeClicks', () => {
  it('records a trusted click with its target descriptor and modifiers', () => {
    document.body.innerHTML = '<button data-testid="buy">Buy now</button>';
    const { drafts } = record();
    document
      .querySelector('button')!
      .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, detail: 1, ctrlKey: true })));
    expect(drafts).toHaveLength(1);
    const [draft] = drafts;
    expect(pageEventDraft.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({
      kind: 'click',
      button: 0,
      clicks: 1,
      mods: ['ctrl'],
      target: { tag: 'button', role: 'button', selector: '[data-testid="buy"]' },
    });
    expect(JSON.stringify(draft)).not.toContain('Buy now');
  });

  it('sees clicks the page stops from propagating', () => {
    document.body.innerHTML = '<div><button>Stop</button></div>';
    document
      .querySelector('div')!
      .addEventListener('click', (event) => event.stopPropagation(), true);
    const { drafts } = record();
    document
      .querySelector('button')!
      .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(drafts).toHaveLength(1);
  });

  it('ignores clicks scripts fake, and everything after teardown', () => {
    document.body.innerHTML = '<button>Go</button>';
    const { drafts, stop } = record();
    document.querySelector('button')!.click();
    expect(drafts).toHaveLength(0);
    stop();
    document
      .querySelector('button')!
      .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(drafts).toHaveLength(0);
  });
});

describe('click targets', () => {
  it('are the control around what was clicked', () => {
    document.body.innerHTML =
      '<button data-testid="cart"><svg><path></path></svg><span>Cart</span></button>';
    const { drafts } = record();
    document
      .querySelector('path')!
      .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(drafts[0]).toMatchObject({
      target: { tag: 'button', selector: '[data-testid="cart"]' },
    });
  });
});
