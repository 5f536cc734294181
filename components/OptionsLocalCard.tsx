import { useState } from 'preact/hooks';
import type { OptionsState } from '../lib/schema';
import { SiteList } from './SiteList';

type Props = {
  captureLevel: NonNullable<OptionsState['local']>['captureLevel'];
  sites: OptionsState['sites'];
  events: number;
  busy: boolean;
  onAddSite: (match: string) => void;
  onRemoveSite: (match: string) => void;
  onExport: () => void;
};

/** Recording for yourself: the chosen sites, adding one, and exporting what was recorded. */
export function OptionsLocalCard({
  captureLevel,
  sites,
  events,
  busy,
  onAddSite,
  onRemoveSite,
  onExport,
}: Props) {
  const [site, setSite] = useState('');
  return (
    <section class="card" aria-labelledby="local-title">
      <h2 id="local-title">Recording for yourself</h2>
      <p class="muted">
        Nothing is uploaded.{' '}
        {captureLevel === 'labels'
          ? 'Structure and visible names are recorded.'
          : 'Structure only is recorded.'}
      </p>
      <h3>Your sites</h3>
      <SiteList sites={sites} busy={busy} onRemove={onRemoveSite} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAddSite(site.trim());
          setSite('');
        }}
      >
        <label for="new-site">Site to record</label>
        <input
          id="new-site"
          type="url"
          required
          placeholder="https://www.example.org/*"
          value={site}
          disabled={busy}
          onInput={(event) => setSite(event.currentTarget.value)}
        />
        <p class="muted">
          A match pattern: the address with <code>*</code> for any path, such as{' '}
          <code>https://shop.example/*</code>.
        </p>
        <button type="submit" disabled={busy || site.trim() === ''}>
          Add site
        </button>
      </form>
      <h3>Export</h3>
      <p>Save everything recorded here as a JSONL file in the tasktrace dataset format.</p>
      <button type="button" disabled={busy || events === 0} onClick={onExport}>
        Export as JSONL
      </button>
    </section>
  );
}
