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
 * where it is missing, popstate and hashchange still do, and pushes and replaces are
 * found by watching the address. Nothing is emitted for an address the recorder may
 * not record (an excluded path): leaving for one is not named, coming back is. Only
 * trusted events count: a page could dispatch `popstate` or `navigate` itself.
 */
export const observeHistory: Observer = (context, signal) => {
  const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
  const emit = (
    kind: 'history' | 'hashchange',
    url: string,
    method?: 'push' | 'replace' | 'pop',
  ) => {
    if (!context.recordsAt(url)) return;
    const base = { t: context.now(), frame: context.frame, page: context.scrub(url) };
    if (kind === 'hashchange') context.emit({ kind, ...base });
    else context.emit({ kind, ...base, method: method ?? 'push' });
  };

  if (navigation) {
    navigation.addEventListener(
      'navigate',
      (raw) => {
        const event = raw as NavigateEvent;
        if (
          !event.isTrusted ||
          !event.destination.sameDocument ||
          event.navigationType === 'reload'
        )
          return;
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
  observeHistoryByPolling(emit, signal);
};

/** Where this page's history stood when last looked at. */
type HistoryMark = { href: string; length: number };

const withoutHash = (href: string) => href.split('#')[0];

/**
 * Without the Navigation API (Firefox ESR before it shipped), `pushState` and
 * `replaceState` fire no event a content script can see. The address is compared a few
 * times a second instead: a new address with a longer history was a push, with the
 * same length a replace (the browser caps the length at 50 entries, where pushes read
 * as replaces). Changes of the fragment alone are left to `hashchange`.
 */
function observeHistoryByPolling(
  emit: (kind: 'history' | 'hashchange', url: string, method?: 'push' | 'replace' | 'pop') => void,
  signal: AbortSignal,
): void {
  let mark: HistoryMark = { href: location.href, length: history.length };
  const remark = () => {
    mark = { href: location.href, length: history.length };
  };
  const check = () => {
    if (withoutHash(location.href) === withoutHash(mark.href)) return;
    const pushed = history.length > mark.length;
    remark();
    emit('history', location.href, pushed ? 'push' : 'replace');
  };
  window.addEventListener(
    'popstate',
    (event) => {
      if (!event.isTrusted) return;
      check();
      remark();
      emit('history', location.href, 'pop');
    },
    listenerOptions(signal),
  );
  window.addEventListener(
    'hashchange',
    (event) => {
      if (!event.isTrusted) return;
      check();
      remark();
      emit('hashchange', location.href);
    },
    listenerOptions(signal),
  );
  // Before the next interaction is recorded, so a change it follows comes first.
  for (const type of ['pointerdown', 'keydown']) {
    window.addEventListener(type, check, listenerOptions(signal));
  }
  const timer = setInterval(check, HISTORY_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

/** How often the address is compared where the Navigation API is missing. */
export const HISTORY_POLL_MS = 250;
