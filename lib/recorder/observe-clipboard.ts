import { describeTarget } from './describe-target';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

/** That a copy, cut or paste happened, and on what. The clipboard is never read. */
export const observeClipboard: Observer = (context, signal, ground) => {
  const onClipboard = (event: ClipboardEvent) => {
    if (!event.isTrusted || !recordingHere(context)) return;
    const element = resolveTarget(event, context.openShadowRoot);
    context.emit({
      kind: 'clipboard',
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      action: event.type as 'copy' | 'cut' | 'paste',
      ...(element && element !== document.body && element !== document.documentElement
        ? { target: describeTarget(element, context) }
        : {}),
      ...ground(element),
    });
  };
  for (const type of ['copy', 'cut', 'paste']) {
    window.addEventListener(type, onClipboard as EventListener, listenerOptions(signal));
  }
};
