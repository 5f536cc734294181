import type { EpisodeAction } from '../../lib/schema';

const MODIFIER_KEYS = { alt: 'Alt', ctrl: 'Control', meta: 'Meta', shift: 'Shift' } as const;

/** The keys a `press` step holds down, modifiers first, as browsers name them. */
export function pressKeys(action: EpisodeAction): string[] {
  const mods = (action.mods ?? []).map((mod) => MODIFIER_KEYS[mod]);
  return action.key ? [...mods, action.key] : mods;
}

/** A step in a few words for logs and comments, with nothing a volunteer typed. */
export function describeAction(action: EpisodeAction): string {
  switch (action.type) {
    case 'goto':
      return `goto ${action.path ?? '(no path)'}`;
    case 'click':
      return `click ${action.role ?? 'element'}`;
    case 'type':
    case 'select':
      return `${action.type} ${action.slot ?? `{${action.field ?? 'text'}}`}`;
    case 'press':
      return `press ${pressKeys(action).join('+')}`;
    case 'scroll':
      return `scroll ${action.dx ?? 0},${action.dy ?? 0}${action.selector || action.node ? ` in ${action.role ?? 'element'}` : ''}`;
    case 'tab':
      return `tab ${action.tab ?? '?'} ${action.tabIndex ?? '?'}`;
  }
}
