// The search results page: the server answers /shop/search whatever the query, so the
// page reads `q` from its own address and lists the products whose name or summary
// holds every word of it. Cards are built like the ones in index.html, with the same
// test ids, so a step recorded on either page finds its product on both.
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
const words = query.toLowerCase().split(/\s+/).filter(Boolean);
const results = document.querySelector('[data-search-results]');
const status = document.querySelector('[data-search-status]');

document.querySelector('[data-testid="search-input"]').value = query;

const matches = Object.entries(CATALOG).filter(([, product]) => {
  const text = `${product.name} ${product.summary}`.toLowerCase();
  return words.every((word) => text.includes(word));
});

for (const [id, product] of matches) {
  const card = document.createElement('li');
  card.className = 'card';
  card.dataset.testid = `product-card-${id}`;
  const picture = document.createElement('div');
  picture.className = 'picture';
  picture.style.setProperty('--hue', String(product.hue));
  picture.setAttribute('aria-hidden', 'true');
  picture.textContent = product.letter;
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `/shop/products/${id}`;
  link.dataset.testid = `product-link-${id}`;
  link.textContent = product.name;
  heading.append(link);
  const summary = document.createElement('p');
  summary.textContent = product.summary;
  const row = document.createElement('div');
  row.className = 'row';
  const price = document.createElement('span');
  price.className = 'price';
  price.textContent = product.price;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.addToCart = product.name;
  button.dataset.testid = `add-to-cart-${id}`;
  button.textContent = 'Add to cart';
  row.append(price, button);
  card.append(picture, heading, summary, row);
  results.append(card);
}

if (words.length === 0) status.textContent = 'Type a word to search the shop.';
else if (matches.length === 0) status.textContent = `Nothing matches “${query}”.`;
else if (matches.length === 1) status.textContent = `1 product matches “${query}”.`;
else status.textContent = `${matches.length} products match “${query}”.`;
document.title = words.length > 0 ? `“${query}” · Search · Demo shop` : 'Search · Demo shop';
