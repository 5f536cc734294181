import type { SiteAccess } from '../lib/schema';

type Props = {
  sites: SiteAccess[];
  busy: boolean;
  /** Offered for the volunteer's own sites; a study's sites change only with the study. */
  onRemove?: (match: string) => void;
};

export function SiteList({ sites, busy, onRemove }: Props) {
  if (sites.length === 0) {
    return <p class="muted">No sites yet. Add one below; nothing is recorded until you do.</p>;
  }
  return (
    <ul class="sites">
      {sites.map((site) => (
        <li key={site.match}>
          <code>{site.match}</code>
          {site.excludePaths.length > 0 && (
            <span class="muted"> — except {site.excludePaths.join(', ')}</span>
          )}{' '}
          <span class={site.granted ? 'badge ok' : 'badge'}>
            {site.granted ? 'access granted' : 'no access: not recorded'}
          </span>
          {onRemove && (
            <button
              type="button"
              class="inline"
              disabled={busy}
              onClick={() => onRemove(site.match)}
              aria-label={`Stop recording ${site.match}`}
            >
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
