// Views live in the path (/shop/app/orders …) so reloads and back/forward work; the
// server answers every /shop/app/* path with this page. Settings is a plain hash link
// on purpose: the demo should produce push, replace, hash and back/forward navigations.
const BASE = '/shop/app/';
const VIEWS = ['orders', 'wishlist', 'settings'];
const TITLES = { orders: 'Orders', wishlist: 'Wishlist', settings: 'Settings' };

function currentView() {
  if (location.hash === '#settings') return 'settings';
  const name = location.pathname.slice(BASE.length).split('/')[0];
  return VIEWS.includes(name) ? name : 'orders';
}

function openOnly() {
  return new URLSearchParams(location.search).get('status') === 'open';
}

function render() {
  const view = currentView();
  document.title = `${TITLES[view]} · Order app · Demo shop`;
  for (const section of document.querySelectorAll('[data-view]')) {
    section.hidden = section.dataset.view !== view;
  }
  for (const tab of document.querySelectorAll('[data-tab]')) {
    if (tab.dataset.tab === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  const filtered = openOnly();
  document.querySelector('[data-open-only]').setAttribute('aria-pressed', String(filtered));
  for (const order of document.querySelectorAll('[data-status]')) {
    order.hidden = filtered && order.dataset.status !== 'open';
  }
}

function go(view) {
  history.pushState({ view }, '', BASE + view);
  render();
}

document.addEventListener('click', (event) => {
  const target = event.target;
  const link = target.closest('a[data-spa-link]');
  // Let modified clicks open a new tab the normal way.
  if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href'));
    render();
    return;
  }
  const goButton = target.closest('[data-go]');
  if (goButton) {
    go(goButton.dataset.go);
    return;
  }
  if (target.closest('[data-open-only]')) {
    // A filter is not a place to go back to, so it replaces the entry instead of adding one.
    const url = new URL(location.href);
    if (openOnly()) url.searchParams.delete('status');
    else url.searchParams.set('status', 'open');
    history.replaceState(history.state, '', url);
    render();
    return;
  }
  const track = target.closest('[data-track]');
  if (track) {
    const info = track.closest('li').querySelector('[data-tracking]');
    info.hidden = !info.hidden;
    return;
  }
  const remove = target.closest('[data-remove-wish]');
  if (remove) {
    remove.closest('li').remove();
    const empty = document.querySelectorAll('[data-wishlist] li').length === 0;
    document.querySelector('[data-wishlist-empty]').hidden = !empty;
  }
});

document.querySelector('[data-settings-form]').addEventListener('submit', (event) => {
  event.preventDefault();
  document.querySelector('[data-settings-status]').textContent = 'Settings saved.';
});

window.addEventListener('popstate', render);
// Chromium and Firefox also fire popstate for hash changes, but hashchange is the
// documented event for them; render is idempotent, so handling both is harmless.
window.addEventListener('hashchange', render);

// /shop/app/ has no view in its address: name the default one without adding an entry.
if (location.pathname === BASE || location.pathname === BASE.slice(0, -1)) {
  history.replaceState({ view: 'orders' }, '', `${BASE}orders${location.search}${location.hash}`);
}
render();
