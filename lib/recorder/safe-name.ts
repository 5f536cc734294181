/**
 * The accessible name and form label of an element, from the sources the privacy
 * contract allows and nothing else: `aria-labelledby` targets, `aria-label`, `<label>`
 * text, and a button's or link's own text. Raw text, not yet scrubbed.
 *
 * This is not dom-accessibility-api's computeAccessibleName on purpose: the standard
 * algorithm embeds control values and falls back to `title`, `placeholder` and `alt`,
 * all of which the contract forbids. No value, no `innerText` (it forces layout), and
 * no attribute other than aria-labelledby, aria-label, aria-hidden, aria-haspopup,
 * hidden, role, type, id and for is ever read.
 */
export function safeAccessibleName(element: Element): string | null {
  // An option's name is the choice itself, which is never recorded.
  if (isOption(element)) return null;
  const labelledBy = labelledByText(element);
  if (labelledBy !== null) return labelledBy;
  const ariaLabel = ariaLabelText(element);
  if (ariaLabel !== null) return ariaLabel;
  if (isField(element) || element.localName === 'input') return labelText(element);
  if (!isNamedFromContent(element)) return null;
  return contentText(element) ?? (nativeLabels(element) ? labelText(element) : null);
}

/** The text of a field's `<label>`s; null for anything that is not a field. */
export function safeFormLabel(element: Element): string | null {
  if (!isField(element) || isOption(element)) return null;
  return labelText(element);
}

/** The walk stops here, so a huge button or label cannot stall the page on a click. */
const MAX_CHARS = 2000;
const MAX_NODES = 500;
const MAX_REFERENCES = 16;
const CHUNK = 4096;

/** Elements whose content is, or shows, what the volunteer typed or chose. */
const VALUE_TAGS = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'selectedcontent',
  'output',
  'meter',
  'progress',
]);

/** Custom widgets whose content is their value, such as a `<button role=combobox>`. */
const VALUE_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'slider',
  'listbox',
  'option',
  'progressbar',
  'meter',
  'scrollbar',
]);

/** Code, markup, media fallbacks and SVG text (titles, descriptions) are not names. */
const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'title',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'iframe',
]);

/** Tags a browser lays out on their own line: their text does not run into a neighbour's. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

const CONTENT_TAGS = new Set(['button', 'a', 'summary']);

/** Roles whose name comes from their content, minus any that name a choice. */
const CONTENT_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'checkbox',
  'radio',
  'switch',
  'treeitem',
]);

/** Input types that are buttons; every other input is a field. */
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);

const INSIDE_VALUE = [
  ...VALUE_TAGS,
  ...Array.from(VALUE_ROLES, (role) => `[role~="${role}"]`),
  '[aria-haspopup="listbox"]',
].join(',');

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

function labelledByText(element: Element): string | null {
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (ids.length === 0) return null;
  const root = element.getRootNode();
  if (!hasGetElementById(root)) return null;
  const collector = new TextCollector();
  const seen = new Set<Element>();
  for (const id of ids.slice(0, MAX_REFERENCES)) {
    const target = root.getElementById(id);
    if (!target || seen.has(target) || !isTextSource(target)) continue;
    seen.add(target);
    collector.separate();
    // One level only: a target's own aria-labelledby is not followed.
    const ariaLabel = ariaLabelText(target);
    if (ariaLabel !== null) collector.append(ariaLabel);
    // A target is used even when hidden: authors point at hidden text to name a control.
    else collectContent(target, collector);
  }
  return collector.result();
}

function ariaLabelText(element: Element): string | null {
  const value = element.getAttribute('aria-label');
  if (value === null) return null;
  const collector = new TextCollector();
  collector.append(value);
  return collector.result();
}

function labelText(element: Element): string | null {
  const collector = new TextCollector();
  for (const label of labelsOf(element).slice(0, MAX_REFERENCES)) {
    if (!isTextSource(label)) continue;
    collector.separate();
    collectContent(label, collector);
  }
  return collector.result();
}

function contentText(element: Element): string | null {
  const collector = new TextCollector();
  collectContent(element, collector);
  return collector.result();
}

function labelsOf(element: Element): Element[] {
  const native = nativeLabels(element);
  if (native) return Array.from(native);
  const labels: Element[] = [];
  const root = element.getRootNode();
  if (element.id !== '' && hasQuerySelectorAll(root)) {
    labels.push(...root.querySelectorAll(`label[for="${CSS.escape(element.id)}"]`));
  }
  const wrapping = element.parentElement?.closest('label');
  // A wrapping label with `for` labels the element it names, not this one.
  if (wrapping && !wrapping.hasAttribute('for') && !labels.includes(wrapping)) {
    labels.push(wrapping);
  }
  return labels;
}

/** `labels` of a labelable element; undefined for elements HTML never labels. */
function nativeLabels(element: Element): NodeListOf<HTMLLabelElement> | null | undefined {
  return (element as Partial<HTMLInputElement>).labels;
}

/**
 * Appends the text under `root`, skipping controls, editable regions, hidden subtrees and
 * non-text elements whole, in the flat tree (open shadow roots and slotted content) a
 * reader sees. Text nodes are concatenated as `textContent` does, so an email split
 * across inline elements still reads as one for the scrubber.
 */
function collectContent(root: Element, collector: TextCollector): void {
  const stack: { nodes: ArrayLike<Node>; index: number; block: boolean }[] = [
    { nodes: childrenOf(root), index: 0, block: false },
  ];
  while (stack.length > 0 && !collector.full) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      if (frame.block) collector.separate();
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    if (!collector.visit()) return;
    if (node.nodeType === TEXT_NODE) {
      collector.append(node.nodeValue ?? '');
    } else if (node.nodeType === ELEMENT_NODE) {
      const child = node as Element;
      if (isSkipped(child)) {
        collector.separate();
        continue;
      }
      const block = BLOCK_TAGS.has(child.localName);
      if (block) collector.separate();
      stack.push({ nodes: childrenOf(child), index: 0, block });
    }
  }
}

function childrenOf(element: Element): ArrayLike<Node> {
  if (element.shadowRoot) return element.shadowRoot.childNodes;
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) return assigned;
  }
  return element.childNodes;
}

/**
 * Whether a referenced element or label may be read at all: not a control, not SVG
 * text, and not part of a widget whose content is a value (such as a span inside a
 * custom textbox, or a label inside an editor).
 */
function isTextSource(element: Element): boolean {
  return (
    !isSkipped(element, false) &&
    element.namespaceURI !== SVG_NAMESPACE &&
    element.closest(INSIDE_VALUE) === null
  );
}

function isSkipped(element: Element, hiddenToo = true): boolean {
  return (
    NON_TEXT_TAGS.has(element.localName) ||
    isValueBearing(element) ||
    (hiddenToo && isHidden(element))
  );
}

function isHidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true'
  );
}

/** Whether the element's content is a value: never read, not even to name it. */
function isValueBearing(element: Element): boolean {
  return (
    VALUE_TAGS.has(element.localName) ||
    roles(element).some((role) => VALUE_ROLES.has(role)) ||
    // A listbox button (Headless UI and others) shows the option chosen as its text.
    element.getAttribute('aria-haspopup')?.trim().toLowerCase() === 'listbox' ||
    (element as Partial<HTMLElement>).isContentEditable === true
  );
}

function isField(element: Element): boolean {
  if (element.localName === 'input') {
    const type = (element.getAttribute('type') ?? 'text').trim().toLowerCase();
    return !BUTTON_TYPES.has(type);
  }
  return isValueBearing(element);
}

function isOption(element: Element): boolean {
  return element.localName === 'option' || roles(element).includes('option');
}

function isNamedFromContent(element: Element): boolean {
  return (
    CONTENT_TAGS.has(element.localName) || roles(element).some((role) => CONTENT_ROLES.has(role))
  );
}

function roles(element: Element): string[] {
  return (element.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/);
}

function hasGetElementById(root: Node): root is Document | ShadowRoot {
  return (
    (root.nodeType === DOCUMENT_NODE || root.nodeType === DOCUMENT_FRAGMENT_NODE) &&
    typeof (root as Partial<Document>).getElementById === 'function'
  );
}

function hasQuerySelectorAll(root: Node): root is Document | ShadowRoot {
  return root.nodeType === DOCUMENT_NODE || root.nodeType === DOCUMENT_FRAGMENT_NODE;
}

/**
 * Collects text with whitespace collapsed, up to MAX_CHARS characters and MAX_NODES
 * nodes. When a limit cuts the text, the last word goes too: it may be the first half of
 * an email or number, which the scrubber would no longer recognise.
 */
class TextCollector {
  full = false;
  private text = '';
  private nodes = 0;

  visit(): boolean {
    if (this.nodes >= MAX_NODES) this.stop();
    this.nodes++;
    return !this.full;
  }

  append(raw: string): void {
    for (let offset = 0; offset < raw.length && !this.full; offset += CHUNK) {
      let piece = raw.slice(offset, offset + CHUNK).replace(/\s+/g, ' ');
      if (piece.startsWith(' ') && (this.text === '' || this.text.endsWith(' '))) {
        piece = piece.slice(1);
      }
      const room = MAX_CHARS - this.text.length;
      if (piece.length > room) {
        this.text += piece.slice(0, room);
        this.stop();
      } else {
        this.text += piece;
      }
    }
  }

  separate(): void {
    if (this.text !== '' && !this.text.endsWith(' ')) this.text += ' ';
  }

  result(): string | null {
    const text = this.text.trim();
    return text === '' ? null : text;
  }

  private stop(): void {
    if (this.full) return;
    this.full = true;
    if (!this.text.endsWith(' ')) this.text = this.text.slice(0, this.text.lastIndexOf(' ') + 1);
  }
}
