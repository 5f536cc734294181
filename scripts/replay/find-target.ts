import type { TargetQuery } from './target-query';

export type Box = { x: number; y: number; w: number; h: number };

/** How a target was found, in words for the log. */
export type FoundBy = { by: 'selector' | 'observation'; detail: string };

/**
 * Runs in the page (see page-call.ts): nothing from outside this function may be used.
 * Finds the target by its recorded selector, inside its shadow hosts, when that matches
 * exactly one element of the recorded tag; otherwise among the elements of the observed
 * node's tag and role (when `fallback`), by its position among them when the page has
 * as many as the observation listed, else by the nearest box. Null when neither finds one.
 */
export function findTarget(query: TargetQuery, fallback: boolean): [Element, FoundBy] | null {
  const implicitRoles: Record<string, string> = {
    article: 'article',
    aside: 'complementary',
    button: 'button',
    dialog: 'dialog',
    fieldset: 'group',
    form: 'form',
    h1: 'heading',
    h2: 'heading',
    h3: 'heading',
    h4: 'heading',
    h5: 'heading',
    h6: 'heading',
    hr: 'separator',
    li: 'listitem',
    main: 'main',
    menu: 'list',
    nav: 'navigation',
    ol: 'list',
    option: 'option',
    progress: 'progressbar',
    table: 'table',
    tbody: 'rowgroup',
    td: 'cell',
    textarea: 'textbox',
    th: 'columnheader',
    thead: 'rowgroup',
    tr: 'row',
    ul: 'list',
  };
  const inputRoles: Record<string, string> = {
    button: 'button',
    checkbox: 'checkbox',
    email: 'textbox',
    image: 'button',
    number: 'spinbutton',
    radio: 'radio',
    range: 'slider',
    reset: 'button',
    search: 'searchbox',
    submit: 'button',
    tel: 'textbox',
    text: 'textbox',
    url: 'textbox',
  };
  // The role an element has, when it is one this function knows; null otherwise.
  const roleOf = (element: Element): string | null => {
    const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = element.localName;
    if (tag === 'a' || tag === 'area') return element.hasAttribute('href') ? 'link' : null;
    if (tag === 'input') {
      const type = (element.getAttribute('type') ?? 'text').toLowerCase();
      if (element.hasAttribute('list') && /^(text|search|email|tel|url)$/.test(type)) {
        return 'combobox';
      }
      return inputRoles[type] ?? null;
    }
    if (tag === 'select') {
      const select = element as HTMLSelectElement;
      return select.multiple || select.size > 1 ? 'listbox' : 'combobox';
    }
    return implicitRoles[tag] ?? null;
  };
  const sameRole = (element: Element): boolean => {
    if (query.role === null) return true;
    const role = roleOf(element);
    return query.tag === null ? role === query.role : role === null || role === query.role;
  };

  const bySelector = (): Element | null => {
    if (query.selector === null) return null;
    let root: ParentNode = document;
    for (const host of query.shadow) {
      let found: Element | null = null;
      try {
        found = root.querySelector(host);
      } catch {
        return null;
      }
      if (!found?.shadowRoot) return null;
      root = found.shadowRoot;
    }
    let matches: Element[];
    try {
      matches = [...root.querySelectorAll(query.selector)];
    } catch {
      return null;
    }
    const [only] = matches;
    if (matches.length !== 1 || !only) return null;
    if (query.tag !== null && only.localName !== query.tag) return null;
    return only;
  };
  const selected = bySelector();
  if (selected) return [selected, { by: 'selector', detail: query.selector ?? '' }];
  if (!fallback || (query.tag === null && query.role === null)) return null;

  // Every element in document order, each open shadow root's content where its host is.
  const candidates: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (const child of parent.children) {
      if ((query.tag === null || child.localName === query.tag) && sameRole(child)) {
        candidates.push(child);
      }
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(document);
  const kind =
    query.tag === null
      ? `role ${query.role}`
      : query.role && query.role !== query.tag
        ? `${query.tag} (${query.role})`
        : query.tag;
  if (
    query.ordinal !== null &&
    query.ordinal >= 0 &&
    query.count === candidates.length &&
    candidates[query.ordinal]
  ) {
    return [
      candidates[query.ordinal]!,
      {
        by: 'observation',
        detail: `${kind} ${query.ordinal + 1} of ${query.count}, as in the observation`,
      },
    ];
  }
  const box = query.box;
  if (!box || candidates.length === 0) return null;
  let best: Element | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const rect = candidate.getBoundingClientRect();
    const hidden = rect.width === 0 && rect.height === 0 && (box.w > 0 || box.h > 0);
    const score =
      Math.abs(rect.x + rect.width / 2 - (box.x + box.w / 2)) +
      Math.abs(rect.y + rect.height / 2 - (box.y + box.h / 2)) +
      Math.abs(rect.width - box.w) +
      Math.abs(rect.height - box.h) +
      (hidden ? 100_000 : 0);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best) return null;
  return [
    best,
    {
      by: 'observation',
      detail: `${kind} nearest the recorded box ${box.x},${box.y} ${box.w}x${box.h} (of ${candidates.length})`,
    },
  ];
}
