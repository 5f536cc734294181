/**
 * The names HTML and WAI-ARIA give elements and roles: part of how every page is built,
 * never content. A tag or role outside these lists is a string the page chose (a custom
 * element `<alice-smith-card>`, an unknown element `<mrsmith>`, a made-up role) and is
 * kept only when it is made of structural words (see within-observation.ts).
 */
export const HTML_TAGS: ReadonlySet<string> = new Set(
  `a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption
  cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
  figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img
  input ins kbd label legend li link main map mark math menu meta meter nav noscript object
  ol optgroup option output p param picture pre progress q rp rt ruby s samp script search
  section select selectedcontent slot small source span strong style sub summary sup svg
  table tbody td template textarea tfoot th thead time title tr track u ul var video wbr`
    .split(/\s+/)
    .filter(Boolean),
);

/** WAI-ARIA 1.2 roles (and `image`, ARIA 1.3's synonym of `img`). */
export const ARIA_ROLES: ReadonlySet<string> = new Set(
  `alert alertdialog application article banner blockquote button caption cell checkbox code
  columnheader combobox comment complementary contentinfo definition deletion dialog directory
  document emphasis feed figure form generic grid gridcell group heading image img insertion
  link list listbox listitem log main mark marquee math menu menubar menuitem menuitemcheckbox
  menuitemradio meter navigation none note option paragraph presentation progressbar radio
  radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider
  spinbutton status strong subscript suggestion superscript switch tab table tablist tabpanel
  term textbox time timer toolbar tooltip tree treegrid treeitem`
    .split(/\s+/)
    .filter(Boolean),
);
