import { listenerOptions, type Observer } from './types';

type NavigateEvent = Event & {
  navigationType: 'push' | 'replace' | 'traverse' | 'reload';
  hashChange: boolean;
  destination: { url: string; sameDocument: boolean };
};
type NavigationLike = EventTarget;

/**
 * In-page navigations: history push and replace, back/forward within the page, and
 * hash changes (recorded without the fragment). Page scripts call `history` in their
 * own world, out of a content script's reach, so the Navigation API reports them;
 * where it is missing, popstate and hashchange still do.
 */
export const observeHistory: Observer = (context, signal) => {
  const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
  const emit = (
    kind: 'history' | 'hashchange',
    url: string,
    method?: 'push' | 'replace' | 'pop',
  ) => {
    const base = { t: context.now(), frame: context.frame, page: context.scrub(url) };
    if (kind === 'hashchange') context.emit({ kind, ...base });
    else context.emit({ kind, ...base, method: method ?? 'push' });
  };

  if (navigation) {
    navigation.addEventListener(
      'navigate',
      (raw) => {
        const event = raw as NavigateEvent;
        if (!event.destination.sameDocument || event.navigationType === 'reload') return;
        if (event.hashChange) emit('hashchange', event.destination.url);
        else
          emit(
            'history',
            event.destination.url,
            event.navigationType === 'traverse' ? 'pop' : event.navigationType,
          );
      },
      listenerOptions(signal),
    );
    return;
  }
  window.addEventListener(
    'popstate',
    () => emit('history', location.href, 'pop'),
    listenerOptions(signal),
  );
  window.addEventListener(
    'hashchange',
    () => emit('hashchange', location.href),
    listenerOptions(signal),
  );
};
