import { readFileSync } from 'node:fs';

const PAGE_SCRIPT = readFileSync(new URL('./page-script.js', import.meta.url), 'utf8');

/** Nesting depth of the "div soup" chains: deep enough that selectors must climb. */
const DEPTH = 24;
/** Elements in the light DOM before the generated parts (html, head and its children, body, main). */
const SHELL = 7 + 1;
const HEADER = 11;
const WIDGET_SHADOW = 11;
/** Elements in one catalogue card. */
const CARD = 11;

const STYLE = `
body{font:14px/1.4 sans-serif;margin:0}
header.top{position:sticky;top:0;background:#eef;padding:4px;z-index:2;height:24px;contain:strict}
.status{display:inline-block;width:12em;overflow:hidden}
.deep .lvl{padding-left:1px}
.deep>.lvl,fieldset,.pad{contain:layout style}
.field{margin:2px 0}
.grid{display:flex;flex-wrap:wrap;contain:layout style}
.card{width:170px;margin:3px;border:1px solid #ccc;padding:3px}
.card .desc{font-size:12px;color:#555}
.tags{margin:0;padding-left:14px}
`;

const WIDGET = `<div class="widget"><template shadowrootmode="open"><div class="toolbar">${[
  'Bold',
  'Italic',
  'Link',
  'Quote',
  'Code',
  'List',
  'Undo',
  'Redo',
]
  .map((label) => `<button type="button" class="tool">${label}</button>`)
  .join(
    '',
  )}<input type="text" class="search" aria-label="Find"><span class="hint">Tools</span></div></template></div>`;

/**
 * A page of about `elements` elements (shadow DOM included): a sticky menu, chains of
 * nested divs ending in buttons, a shadow-DOM toolbar, a long form and a catalogue of
 * look-alike cards, so selectors cannot lean on ids and must be searched for.
 */
export function generatePage(elements: number): string {
  let used = SHELL + HEADER + 1 + WIDGET_SHADOW;
  const chains = Math.max(2, Math.round(elements / 400));
  const fields = Math.min(200, Math.max(20, Math.round(elements / 50)));
  const parts: string[] = [];

  parts.push('<section class="deep">');
  used += 1;
  for (let chain = 0; chain < chains; chain++) {
    parts.push('<div class="lvl">'.repeat(DEPTH));
    parts.push(
      `<button type="button" class="btn act"><span class="ico">&#9654;</span> Go ${chain}</button>`,
    );
    parts.push('</div>'.repeat(DEPTH));
    used += DEPTH + 2;
  }
  parts.push('</section>', WIDGET);

  const form = longForm(fields);
  parts.push(form.html);
  used += form.elements;

  parts.push('<section class="catalog">');
  used += 1;
  let card = 0;
  while (elements - used >= CARD + 1) {
    parts.push('<div class="grid">');
    used += 1;
    for (let inRow = 0; inRow < 50 && elements - used >= CARD; inRow++, card++) {
      parts.push(
        `<div class="card"><h3 class="title">Item ${card}</h3><p class="desc">A sturdy thing, number ${card}, in stock.</p>` +
          `<ul class="tags"><li>new</li><li>sale</li><li>eco</li></ul>` +
          `<div class="row"><button type="button" class="btn buy"><span>Buy</span></button><button type="button" class="btn save">Save</button></div></div>`,
      );
      used += CARD;
    }
    parts.push('</div>');
  }
  parts.push(`<div class="pad">${'<i></i>'.repeat(Math.max(0, elements - used - 1))}</div>`);
  parts.push('</section>');

  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench page</title>',
    `<style>${STYLE}</style><script>${PAGE_SCRIPT}</script></head><body>`,
    '<header class="top"><nav class="menu">',
    ['Home', 'Catalog', 'Deals', 'Orders', 'Help', 'Account', 'Cart', 'Search']
      .map((label) => `<button type="button" class="nav">${label}</button>`)
      .join(''),
    '</nav><span class="status">ready</span></header><main>',
    ...parts,
    '</main></body></html>',
  ].join('');
}

const KINDS = ['text', 'email', 'text', 'checkbox', 'textarea'] as const;

function longForm(fields: number): { html: string; elements: number } {
  const html: string[] = ['<form class="long" action="/bench/sent" method="get">'];
  let elements = 1;
  for (let index = 0; index < fields; index++) {
    if (index % 10 === 0) {
      if (index > 0) html.push('</fieldset>');
      html.push(`<fieldset><legend>Section ${index / 10 + 1}</legend>`);
      elements += 2;
    }
    const kind = KINDS[index % KINDS.length]!;
    const name = `field${String.fromCharCode(97 + (index % 26))}${Math.floor(index / 26)}`;
    // Half the fields have an id and a `for` label, half a wrapping label and a name.
    const control =
      kind === 'textarea'
        ? `<textarea name="${name}" rows="2"></textarea>`
        : `<input type="${kind}" name="${name}"${kind === 'email' ? ' autocomplete="email"' : ''}>`;
    if (index % 2 === 0) {
      const id = `f-${name}`;
      html.push(
        `<div class="field"><label for="${id}">Field ${index}</label>${control.replace(/^<(\w+)/, `<$1 id="${id}"`)}</div>`,
      );
    } else {
      html.push(`<div class="field"><label>Field ${index} ${control}</label></div>`);
    }
    elements += 3;
  }
  html.push('</fieldset><button type="submit" class="btn send">Send</button></form>');
  elements += 1;
  return { html: html.join(''), elements };
}
