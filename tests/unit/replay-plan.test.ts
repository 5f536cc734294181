import { describe, expect, it } from 'vitest';
import type { EpisodeAction } from '../../lib/schema';
import { mayNavigate, planEpisode } from '../../scripts/replay/plan-episode';
import { parseEpisodes, type ReplayEpisode } from '../../scripts/replay/read-episodes';
import {
  CHECKOUT_ID,
  demoEpisodesJsonl,
  EXCLUDED_GAP_ID,
  GOTO_GAP_ID,
} from '../fixtures/replay/demo-episodes';

const episodes = parseEpisodes(demoEpisodesJsonl(), 'demo.jsonl');
const byId = (id: string) => episodes.find((episode) => episode.id === id)!;

/** The checkout episode with its actions replaced. */
function withActions(actions: EpisodeAction[]): ReplayEpisode {
  return { ...byId(CHECKOUT_ID), actions };
}

describe('planEpisode', () => {
  it('grounds each step in its observation and page, and ends on the last step’s page', () => {
    const plan = planEpisode(byId(CHECKOUT_ID));
    expect(plan.origin).toBe('http://127.0.0.1:8788');
    expect(plan.viewport).toEqual({ w: 1280, h: 800 });
    expect(plan.start).toBeNull();
    expect(plan.gap).toBeNull();
    // The last step, a scroll, cannot navigate: the episode ended where it was taken.
    expect(plan.final).toBe('/shop/thanks');
    expect(plan.steps.map((step) => step.page)).toEqual([
      null,
      '/shop/',
      '/shop/',
      '/shop/',
      '/shop/products/:id',
      '/shop/products/:id',
      '/shop/products/:id',
      ...Array(11).fill('/shop/checkout'),
      '/shop/thanks',
    ]);
    expect(plan.steps[2]!.node).toMatchObject({ id: 28, tag: 'button', role: 'button' });
  });

  it('leaves a jump after a link click to the replay: the link may redirect', () => {
    // The volunteer went into /shop/account/ (excluded): only replaying shows the gap.
    expect(planEpisode(byId(EXCLUDED_GAP_ID)).gap).toBeNull();
  });

  it('finds a goto to a path whose identifiers the dataset never holds', () => {
    const plan = planEpisode(byId(GOTO_GAP_ID));
    expect(plan.gap?.step).toBe(2);
    expect(plan.gap?.reason).toContain('/shop/products/:id');
    expect(plan.gap?.reason).toContain(':id');
  });

  it('finds a jump in path after a step that cannot navigate', () => {
    const checkout = byId(CHECKOUT_ID).actions;
    // Typed a name on the checkout, then clicked on the shop: nothing between leads there.
    const plan = planEpisode(withActions([checkout[7]!, checkout[1]!]));
    expect(plan.start).toBe('/shop/checkout');
    expect(plan.gap).toEqual({
      step: 1,
      reason: expect.stringMatching(
        /step 2 was recorded on \/shop\/, but step 1 left the page on \/shop\/checkout/,
      ),
    });
  });

  it('cannot start on a path with placeholders', () => {
    const checkout = byId(CHECKOUT_ID).actions;
    const plan = planEpisode(withActions([checkout[4]!]));
    expect(plan.start).toBe('/shop/products/:id');
    expect(plan.gap?.step).toBe(0);
  });

  it('has no final path when the last step may navigate and nothing was observed after it', () => {
    const episode = byId(CHECKOUT_ID);
    const plan = planEpisode({
      ...episode,
      actions: episode.actions.slice(0, -1),
      observations: episode.observations.slice(0, -1),
    });
    expect(plan.final).toBeNull();
  });

  it('takes an observation after the last step’s own as the page the episode ended on', () => {
    const episode = byId(CHECKOUT_ID);
    const plan = planEpisode({ ...episode, actions: episode.actions.slice(0, -1) });
    expect(plan.final).toBe('/shop/thanks');
  });

  it('lets a goto go back to a path with placeholders the episode was on before', () => {
    const checkout = byId(CHECKOUT_ID).actions;
    // Product page, then checkout, typed, then back to the product page.
    const back = { ...checkout[0]!, path: '/shop/products/:id' };
    const plan = planEpisode(withActions([checkout[4]!, checkout[7]!, back]));
    expect(plan.gap?.step).toBe(0);
    const fromShop = planEpisode(
      withActions([checkout[0]!, checkout[3]!, checkout[4]!, checkout[7]!, back]),
    );
    expect(fromShop.gap).toBeNull();
  });

  it.each([
    ['click', {}, true],
    ['type', {}, false],
    ['scroll', {}, false],
    ['press', { key: 'Tab' }, false],
    ['press', { key: 'Enter' }, true],
    ['press', { key: 'ArrowLeft', mods: ['alt'] }, true],
  ] as const)('%s %j may navigate: %s', (type, extra, expected) => {
    const action = { ...byId(CHECKOUT_ID).actions[1]!, type, ...extra } as EpisodeAction;
    expect(mayNavigate(action)).toBe(expected);
  });
});
