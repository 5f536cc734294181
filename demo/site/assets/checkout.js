// Reveal toggles only `type`: the recorder must keep treating the field as a password
// field after it becomes type=text, and this page is where that gets exercised.
const password = document.getElementById('password');
const toggle = document.querySelector('[data-testid="toggle-password"]');

toggle.addEventListener('click', () => {
  const reveal = password.type === 'password';
  password.type = reveal ? 'text' : 'password';
  // The label stays "Show password" so tests and users find the same button both ways.
  toggle.setAttribute('aria-pressed', String(reveal));
});

const tip = document.getElementById('tip');
const tipOutput = document.getElementById('tip-output');
tip.addEventListener('input', () => {
  tipOutput.value = tip.value;
});
