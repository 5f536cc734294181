// Inlined into every generated bench page, first thing in <head>. It is the page's
// own code: a handler that busy-waits 20 ms on each click and key press (so every
// interaction yields an Event Timing entry over the 16 ms threshold), the observer
// that collects those entries, and the helpers the bench drives the page with.
(() => {
  const PRIMARY = new Set(['click', 'keydown']);
  const entries = [];
  let primary = 0;
  let waiters = [];

  const settle = () => {
    waiters = waiters.filter((waiter) => {
      if (primary < waiter.count) return true;
      waiter.resolve(true);
      return false;
    });
  };

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      entries.push({
        name: entry.name,
        startTime: entry.startTime,
        processing: entry.processingEnd - entry.processingStart,
        duration: entry.duration,
        interactionId: entry.interactionId,
      });
      if (PRIMARY.has(entry.name)) primary += 1;
    }
    settle();
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });

  const busy = () => {
    const end = performance.now() + 20;
    while (performance.now() < end) {
      // The page's own work: 20 ms of it on every interaction.
    }
  };

  let clicks = 0;
  let status = null;
  document.addEventListener('click', (event) => {
    busy();
    clicks += 1;
    status ??= document.querySelector('.status');
    if (status) status.textContent = `clicked ${clicks}`;
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  });
  document.addEventListener('keydown', () => busy());
  document.addEventListener('submit', (event) => event.preventDefault());

  let targets = null;
  const targetLists = () => {
    if (targets) return targets;
    const widget = document.querySelector('.widget')?.shadowRoot;
    targets = {
      deep: [...document.querySelectorAll('.deep button')],
      card: [...document.querySelectorAll('.catalog button')],
      menu: [...document.querySelectorAll('header button')],
      widget: widget ? [...widget.querySelectorAll('button')] : [],
      text: [
        ...document.querySelectorAll(
          '.long input[type=text], .long input[type=email], .long textarea',
        ),
      ],
      check: [...document.querySelectorAll('.long input[type=checkbox]')],
    };
    return targets;
  };

  window.__bench = {
    /** Entries since the last call. */
    take: () => entries.splice(0),
    primary: () => primary,
    /** Resolves once `count` click/keydown entries arrived (they come after the paint), or on timeout. */
    waitPrimary: (count, timeoutMs) =>
      new Promise((resolve) => {
        if (primary >= count) return resolve(true);
        waiters.push({ count, resolve });
        setTimeout(() => resolve(false), timeoutMs);
      }),
    /** Waits for the previous interaction's entry, then brings a target into view and returns its centre. */
    prepare: async (category, pick, count) => {
      await window.__bench.waitPrimary(count, 300);
      const list = targetLists()[category] ?? [];
      const element = list[Math.min(list.length - 1, Math.floor(pick * list.length))];
      if (!element) throw new Error(`no ${category} target on this page`);
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    /** The same starting point for every configuration: nothing focused, scrolled to the top. */
    reset: () => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    },
    counts: () => {
      const lists = targetLists();
      let shadowElements = 0;
      for (const host of document.querySelectorAll('*')) {
        if (host.shadowRoot) shadowElements += host.shadowRoot.querySelectorAll('*').length;
      }
      return {
        elements: document.getElementsByTagName('*').length + shadowElements,
        targets: Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.length])),
      };
    },
  };
})();
