// The cart is only a counter in localStorage: the demo needs visible feedback for
// "Add to cart", not a real basket.
const KEY = 'demo-shop-cart-count';

function readCount() {
  return Number(localStorage.getItem(KEY)) || 0;
}

function showCount(count) {
  for (const element of document.querySelectorAll('[data-cart-count]')) {
    element.textContent = String(count);
  }
}

function announce(message) {
  const toast = document.querySelector('[data-cart-status]');
  if (!toast) return;
  toast.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => {
    toast.textContent = '';
  }, 2500);
}

// Delegated, so buttons the order app shows later work too.
document.addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-add-to-cart]');
  if (!button || button.disabled) return;
  const quantitySource = button.dataset.quantityFrom
    ? document.querySelector(button.dataset.quantityFrom)
    : null;
  const quantity = Number(quantitySource?.value) || 1;
  const count = readCount() + quantity;
  localStorage.setItem(KEY, String(count));
  showCount(count);
  announce(`Added ${button.dataset.addToCart} to your cart.`);
});

// The thank-you page empties the cart: the order went through.
if (document.body.hasAttribute('data-cart-reset')) localStorage.removeItem(KEY);
showCount(readCount());
