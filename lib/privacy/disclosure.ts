/**
 * What the consent screen tells a volunteer, word for word as PRIVACY.md says it (a unit
 * test holds the two together), so consent is given to exactly what the code does.
 */
export const RECORDED = [
  'Which pages of the listed sites you visit: the address without its query or fragment, keeping only common web words such as search or cart; identifiers, names, searches and every other word in the path are replaced.',
  "What you click, double-click or right-click, and which fields you focus, edit or submit, described by the element's type, role, size and position on the page and a selector made of positions and common web words, never by what it holds.",
  'What each page offered, when it loaded and whenever it changed: its buttons, links, fields, headings, lists, tables, dialogs and menus, described by type, role, size, position on the page and states such as disabled or expanded, and for a link within the site the page it leads to, scrubbed like addresses; never their text, what fields hold, or what is checked or selected.',
  'That you edited a field or changed a drop-down, never what you entered or chose; for a submitted form, how many fields of each kind it has.',
  'Keys that do not type a character (Enter, Tab, arrows, Escape), shortcuts such as Ctrl+C, and that you copied, cut or pasted, never what.',
  'Where you scrolled to, the page loads and in-page navigations, and the tabs you opened, switched to or closed while recording.',
  'Markers: when you paused and resumed, the tasks you started (with the goal you typed) and ended (done or gave up), and gaps when recording was interrupted (browser closed, extension updated).',
  "With the consent version you agreed to on every session, and the extension's version.",
] as const;

/** Recorded as well at capture level `labels`. */
export const RECORDED_AT_LABELS = [
  "The visible name of the button, link or field you used and its form label, up to 80 characters, keeping only common web words such as Add to cart: emails, links, numbers, codes and every other word, such as a person's name or a mail subject, are replaced by <email>, <url>, <number>, <token> and <text>.",
  'In what each page offered, the names of its buttons, links, fields and headings, replaced in the same way; radio buttons, checkboxes and options get no name.',
] as const;

export const NEVER_RECORDED = [
  'The value of any form field (text boxes of every type, text areas, drop-downs, checkboxes, radio buttons, editable areas, outputs), nor its length, nor which option you chose, nor any key that types a character, nor Backspace/Delete in a field.',
  'Clipboard contents or their length, dragged data, file names.',
  "Page text, except at capture level labels: the names of the page's buttons, links, fields and headings, and the form label of the field you used.",
  'Page titles, query strings (?…), fragments (#…), cookies, request or response bodies, screenshots, canvas pixels, mouse movements.',
  "Attribute values that carry content: value, placeholder, title, alt, src, srcdoc, link targets (a link within the same site is recorded only as the scrubbed path of the page it leads to), data-* attributes (except test-id attributes the study names), aria-describedby text, and — at the default capture level structure — aria-label text (at level labels it may form a control's name).",
  'Anything in a private window: the extension is not allowed to run there at all ("incognito": "not_allowed").',
  "Anything from a tab whose page the study does not list or you have not allowed, or from a frame whose own address is not listed — including a listed page embedded inside a page that is not listed. The browser only injects the recorder into pages the study lists and you allowed; the recorder checks its frame's address on every event, and the background checks every event's own page and the tab's address as it is now before storing anything.",
  'Anything while paused, before you join, after you leave, or while a changed study waits for you to agree to it again.',
] as const;
