// The server sends this one page for every /shop/products/<id>, so the page reads
// the id from its own address. Keep the table in step with the cards in index.html.
const PRODUCTS = {
  1042: { name: 'Canvas tote bag', price: '€24.00', hue: 28, letter: 'T' },
  2317: { name: 'Ceramic mug', price: '€12.50', hue: 200, letter: 'M' },
  3580: { name: 'Linen notebook', price: '€9.90', hue: 140, letter: 'N' },
  4121: { name: 'Desk lamp', price: '€49.00', hue: 45, letter: 'L' },
  5096: { name: 'Wool socks', price: '€14.00', hue: 330, letter: 'S' },
  6733: { name: 'Water bottle', price: '€19.50', hue: 175, letter: 'B' },
};

const DESCRIPTIONS = {
  1042: 'Sturdy cotton canvas with long handles, big enough for a week of groceries.',
  2317: 'Holds 350 ml, keeps its glaze in the dishwasher, and fits under most coffee machines.',
  3580: 'A5, 120 dotted pages in a linen cover; the binding lets it lie flat.',
  4121: 'Warm light with a dimmer and a heavy base that does not tip over.',
  5096: 'Merino blend, two pairs per pack, warm without being bulky.',
  6733: 'Double-walled steel: keeps drinks cold for a day and hot for half of one.',
};

const id = location.pathname.match(/^\/shop\/products\/(\d+)\/?$/)?.[1];
const product = id ? PRODUCTS[id] : undefined;
const name = document.querySelector('[data-product-name]');
const picture = document.querySelector('[data-product-picture]');

if (product) {
  document.title = `${product.name} · Demo shop`;
  name.textContent = product.name;
  document.querySelector('[data-product-price]').textContent = product.price;
  document.querySelector('[data-product-description]').textContent = DESCRIPTIONS[id];
  picture.style.setProperty('--hue', String(product.hue));
  picture.textContent = product.letter;
  document.querySelector('[data-add-to-cart]').dataset.addToCart = product.name;
} else {
  document.title = 'Product not found · Demo shop';
  name.textContent = 'Product not found';
  document.querySelector('[data-product-description]').textContent =
    'There is no product with this number. Go back to the shop to see them all.';
  picture.style.setProperty('--hue', '0');
  picture.textContent = '?';
  document.querySelector('[data-product-actions]').hidden = true;
}
