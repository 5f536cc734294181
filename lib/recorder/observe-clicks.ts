import { describeTarget } from './describe-target';
import { interactiveAncestor } from './interactive-ancestor';
import { modifiersOf } from './modifiers';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

const KINDS = {
  click: 'click',
  auxclick: 'click',
  dblclick: 'dblclick',
  contextmenu: 'contextmenu',
} as const;

/**
 * Clicks, middle/right clicks, double clicks and context menus. Listens in the capture
 * phase on the window so the page cannot hide clicks by stopping propagation.
 */
export const observeClicks: Observer = (context, signal, ground) => {
  const onPointer = (event: MouseEvent) => {
    if (!event.isTrusted || !recordingHere(context)) return;
    // `click` fires for the primary button only; `auxclick` covers the others but
    // would duplicate the context menu, which has its own kind.
    if (event.type === 'auxclick' && event.button === 2) return;
    const inner = resolveTarget(event, context.openShadowRoot);
    if (!inner) return;
    const element = interactiveAncestor(inner);
    context.emit({
      kind: KINDS[event.type as keyof typeof KINDS],
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      target: describeTarget(element, context),
      ...ground(element),
      button: Math.min(Math.max(event.button, 0), 4),
      clicks: Math.min(Math.max(event.detail, 0), 10),
      mods: modifiersOf(event),
    });
  };
  for (const type of Object.keys(KINDS)) {
    window.addEventListener(type, onPointer as EventListener, listenerOptions(signal));
  }
};
