import type { TargetDescriptor, TraceEvent } from '../schema';

/** The drawing beside a step; components draw it (see components/StepIcon.tsx). */
export type IconName =
  | 'pointer'
  | 'focus'
  | 'edit'
  | 'change'
  | 'submit'
  | 'key'
  | 'clipboard'
  | 'scroll'
  | 'back'
  | 'hash'
  | 'page'
  | 'globe'
  | 'tabs'
  | 'start'
  | 'end'
  | 'pause'
  | 'resume'
  | 'gap';

/** A recorded event as a person reads it: an icon, a sentence and where it happened. */
export type StepText = { icon: IconName; sentence: string; where: string | null };

const ICONS: Record<TraceEvent['kind'], IconName> = {
  click: 'pointer',
  dblclick: 'pointer',
  contextmenu: 'pointer',
  focus: 'focus',
  edit: 'edit',
  change: 'change',
  submit: 'submit',
  key: 'key',
  clipboard: 'clipboard',
  scroll: 'scroll',
  history: 'back',
  hashchange: 'hash',
  observation: 'page',
  navigation: 'globe',
  tab: 'tabs',
  'task-start': 'start',
  'task-end': 'end',
  pause: 'pause',
  resume: 'resume',
  gap: 'gap',
};

/** "button", "email field", "link 'Checkout'": the target named as the volunteer saw it. */
export function describeTarget(target: TargetDescriptor): string {
  const noun = target.field
    ? `${target.field.replace(/-/g, ' ')} field`
    : (target.role ?? target.tag).replace(/-/g, ' ');
  const name = target.name ?? target.label;
  return name ? `${noun} “${name}”` : noun;
}

const TRANSITIONS: Record<string, string> = {
  link: 'followed a link to',
  typed: 'typed the address of',
  reload: 'reloaded',
  form_submit: 'submitted a form and went to',
  auto_bookmark: 'opened a bookmark to',
  start_page: 'opened',
};

/**
 * Sentences from the descriptor alone: the review page, the annotation UI and any
 * export viewer say the same thing about the same event, and never more than it holds.
 */
export function describeStep(event: TraceEvent): StepText {
  const where = 'page' in event && event.page ? `${event.page.origin}${event.page.path}` : null;
  const icon = ICONS[event.kind];
  switch (event.kind) {
    case 'click':
      return { icon, where, sentence: `Clicked ${describeTarget(event.target)}` };
    case 'dblclick':
      return { icon, where, sentence: `Double-clicked ${describeTarget(event.target)}` };
    case 'contextmenu':
      return { icon, where, sentence: `Opened the menu on ${describeTarget(event.target)}` };
    case 'focus':
      return { icon, where, sentence: `Moved to ${describeTarget(event.target)}` };
    case 'edit':
      return { icon, where, sentence: `Edited ${describeTarget(event.target)}` };
    case 'change':
      return { icon, where, sentence: `Changed ${describeTarget(event.target)}` };
    case 'submit': {
      const fields = Object.values(event.fields).reduce((sum, n) => sum + (n ?? 0), 0);
      return {
        icon,
        where,
        sentence: `Submitted a form with ${fields} ${fields === 1 ? 'field' : 'fields'}`,
      };
    }
    case 'key': {
      const chord = [
        ...event.mods.map((mod) => mod[0]?.toUpperCase() + mod.slice(1)),
        event.key,
      ].join('+');
      return {
        icon,
        where,
        sentence: `Pressed ${chord}${event.target ? ` in ${describeTarget(event.target)}` : ''}`,
      };
    }
    case 'clipboard':
      return {
        icon,
        where,
        sentence: `${event.action[0]?.toUpperCase()}${event.action.slice(1)}${event.target ? ` in ${describeTarget(event.target)}` : ''}`,
      };
    case 'scroll':
      return {
        icon,
        where,
        sentence: `Scrolled ${event.target ? 'a panel' : 'the page'} to ${event.y} px`,
      };
    case 'history':
      return {
        icon,
        where,
        sentence:
          event.method === 'pop'
            ? 'Went back or forward in the page'
            : 'Moved to another view of the page',
      };
    case 'hashchange':
      return { icon, where, sentence: 'Jumped within the page' };
    case 'observation': {
      const count = event.nodes.length;
      const noun = count === 1 ? 'part' : 'parts';
      return {
        icon,
        where,
        sentence: event.full
          ? `Saw the page's layout: ${count} ${noun}`
          : `Saw the page change: ${count} ${noun} new or moved, ${event.removed.length} gone`,
      };
    }
    case 'navigation':
      return {
        icon,
        where,
        sentence: `${capitalise(TRANSITIONS[event.transition] ?? 'went to')} ${where ?? 'a page'}`,
      };
    case 'tab':
      return {
        icon,
        where,
        sentence: `${capitalise(event.action === 'opened' ? 'opened' : event.action === 'switched' ? 'switched to' : 'closed')} tab ${event.tab + 1}`,
      };
    case 'task-start':
      return { icon, where: null, sentence: `Started the task “${event.goal}”` };
    case 'task-end':
      return {
        icon,
        where: null,
        sentence: event.outcome === 'done' ? 'Finished the task' : 'Gave up on the task',
      };
    case 'pause':
      return { icon, where: null, sentence: 'Paused recording' };
    case 'resume':
      return { icon, where: null, sentence: 'Resumed recording' };
    case 'gap':
      return {
        icon,
        where: null,
        sentence: `Recording was interrupted (${event.reason.replace(/-/g, ' ')})`,
      };
  }
}

function capitalise(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
