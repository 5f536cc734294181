/**
 * The access token lives in this tab's sessionStorage only: never in the HTML, a cookie
 * or the address, and gone when the tab closes. Both pages share it (same origin).
 */
const KEY = 'tasktrace.accessToken';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage refused (a locked-down browser): the token then lasts until the page reloads.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
