// The shop's six products, for the pages that build them from a script (the product
// page and search results). The cards in index.html are written out by hand: keep
// them in step with this table.
// biome-ignore lint/correctness/noUnusedVariables: product.js and search.js read it (classic scripts share the page's globals)
const CATALOG = {
  1042: {
    name: 'Canvas tote bag',
    price: '€24.00',
    hue: 28,
    letter: 'T',
    summary: 'Sturdy cotton canvas with long handles.',
    description: 'Sturdy cotton canvas with long handles, big enough for a week of groceries.',
  },
  2317: {
    name: 'Ceramic mug',
    price: '€12.50',
    hue: 200,
    letter: 'M',
    summary: 'Holds 350 ml; safe in the dishwasher.',
    description:
      'Holds 350 ml, keeps its glaze in the dishwasher, and fits under most coffee machines.',
  },
  3580: {
    name: 'Linen notebook',
    price: '€9.90',
    hue: 140,
    letter: 'N',
    summary: 'A5, 120 dotted pages, lies flat.',
    description: 'A5, 120 dotted pages in a linen cover; the binding lets it lie flat.',
  },
  4121: {
    name: 'Desk lamp',
    price: '€49.00',
    hue: 45,
    letter: 'L',
    summary: 'Warm light with a dimmer and a heavy base.',
    description: 'Warm light with a dimmer and a heavy base that does not tip over.',
  },
  5096: {
    name: 'Wool socks',
    price: '€14.00',
    hue: 330,
    letter: 'S',
    summary: 'Merino blend, two pairs per pack.',
    description: 'Merino blend, two pairs per pack, warm without being bulky.',
  },
  6733: {
    name: 'Water bottle',
    price: '€19.50',
    hue: 175,
    letter: 'B',
    summary: 'Steel, keeps drinks cold for a day.',
    description: 'Double-walled steel: keeps drinks cold for a day and hot for half of one.',
  },
};
