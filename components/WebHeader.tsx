type Props = {
  page: 'dashboard' | 'annotate';
  /** Shown once a token was entered: forgets it in this tab. */
  onForgetToken?: (() => void) | undefined;
};

/** The collector's pages share this bar: where you are, the other page, and leaving. */
export function WebHeader({ page, onForgetToken }: Props) {
  return (
    <header class="web-header">
      <span class="web-brand">tasktrace</span>
      <nav aria-label="Collector pages">
        <a href="/" aria-current={page === 'dashboard' ? 'page' : undefined}>
          Dashboard
        </a>
        <a href="/annotate" aria-current={page === 'annotate' ? 'page' : undefined}>
          Annotate
        </a>
      </nav>
      {onForgetToken && (
        <button type="button" class="inline" onClick={onForgetToken}>
          Forget token
        </button>
      )}
    </header>
  );
}
