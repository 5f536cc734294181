/** Not part of the interface skeleton (its observed descendants may be). */
export const NOT_OBSERVED = 0;
/** A landmark, heading, list, list item, table, dialog, tab list or panel, or menu. */
export const STRUCTURAL = 1;
/** Something to act on: a link, button, field, tab, menu item, or focusable element. */
export const INTERACTIVE = 2;

type Kind = typeof NOT_OBSERVED | typeof STRUCTURAL | typeof INTERACTIVE;

const byWords = (words: string, kind: Kind) =>
  words.split(' ').map((word) => [word, kind] as const);

/** Elements observed by their tag (links, areas and inputs are decided below). */
const BY_TAG = new Map<string, Kind>([
  ...byWords('button select textarea summary', INTERACTIVE),
  ...byWords(
    'header nav main aside footer form search h1 h2 h3 h4 h5 h6 ul ol menu li table dialog iframe',
    STRUCTURAL,
  ),
]);

/** Elements observed by their explicit ARIA role; an explicit role overrides a tag's. */
export const SKELETON_ROLES = new Map<string, Kind>([
  ...byWords(
    'button link checkbox radio switch textbox searchbox combobox listbox option slider ' +
      'spinbutton menuitem menuitemcheckbox menuitemradio tab treeitem',
    INTERACTIVE,
  ),
  ...byWords(
    'banner navigation main complementary contentinfo form search region heading list ' +
      'listitem table grid treegrid tree dialog alertdialog tablist tabpanel menu menubar',
    STRUCTURAL,
  ),
]);

/**
 * Subtrees never walked: code, hidden metadata, SVG and MathML (icons and formulas),
 * canvas fallbacks, and selects (their options are choices).
 */
const CLOSED_TAGS = new Set(
  'head script style template noscript svg math canvas select'.split(' '),
);

/** Widgets whose content is what the volunteer typed: its structure is never walked either. */
const VALUE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton', 'slider']);

/**
 * Which part of the skeleton an element is, from its tag and the `role`, `tabindex`,
 * `contenteditable`, `href` and `type` attributes only: cheap enough to ask of every
 * element of a large page (no style, no layout, no accessible-name computation).
 */
export function skeletonKind(element: Element): Kind {
  const tag = element.localName;
  let kind = BY_TAG.get(tag) ?? NOT_OBSERVED;
  if (tag === 'a' || tag === 'area') kind = element.hasAttribute('href') ? INTERACTIVE : kind;
  else if (tag === 'input') kind = inputType(element) === 'hidden' ? NOT_OBSERVED : INTERACTIVE;
  if (!element.hasAttributes()) return kind;
  const role = roleOf(element);
  // Controls by nature stay actionable whatever role a page gives them.
  if (role && kind !== INTERACTIVE) kind = SKELETON_ROLES.get(role) ?? NOT_OBSERVED;
  if (kind !== INTERACTIVE && (isTabStop(element) || isEditingHost(element))) kind = INTERACTIVE;
  return kind;
}

/**
 * Whether the walk goes below this element: not into closed tags, editing hosts or
 * value widgets (the structure of what was typed is content too), nor into subtrees
 * hidden with `hidden` or `aria-hidden` (an observed element there is listed as hidden
 * by the walk, without its descendants).
 */
export function walksInto(element: Element): boolean {
  if (CLOSED_TAGS.has(element.localName)) return false;
  if (!element.hasAttributes()) return true;
  return !(
    isHiddenByAttribute(element) ||
    isEditingHost(element) ||
    VALUE_ROLES.has(roleOf(element) ?? '')
  );
}

export function isHiddenByAttribute(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true'
  );
}

/** The first token of an explicit role, as dom-accessibility-api's getRole reads it. */
export function roleOf(element: Element): string | null {
  const role = element.getAttribute('role');
  return role === null ? null : role.trim().split(' ')[0]!.toLowerCase() || null;
}

export function isTabStop(element: Element): boolean {
  const index = element.getAttribute('tabindex');
  return index !== null && Number.parseInt(index, 10) >= 0;
}

export function isEditingHost(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return (
    value !== null &&
    value.trim().toLowerCase() !== 'false' &&
    (element as Partial<HTMLElement>).isContentEditable === true
  );
}

function inputType(element: Element): string {
  return (element.getAttribute('type') ?? '').trim().toLowerCase();
}
