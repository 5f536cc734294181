// The server sends this one page for every /shop/products/<id>, so the page reads
// the id from its own address; the products come from catalog.js.
const id = location.pathname.match(/^\/shop\/products\/(\d+)\/?$/)?.[1];
const product = id ? CATALOG[id] : undefined;
const name = document.querySelector('[data-product-name]');
const picture = document.querySelector('[data-product-picture]');

if (product) {
  document.title = `${product.name} · Demo shop`;
  name.textContent = product.name;
  document.querySelector('[data-product-price]').textContent = product.price;
  document.querySelector('[data-product-description]').textContent = product.description;
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
