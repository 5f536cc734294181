type Props = { studyName: string; sites: string[] };

export function Joined({ studyName, sites }: Props) {
  return (
    <section class="card" aria-live="polite">
      <h1>You joined {studyName}</h1>
      <p>
        Recording is on for{' '}
        {sites.map((site, index) => (
          <span key={site}>
            {index > 0 && ', '}
            <code>{site}</code>
          </span>
        ))}
        . Nothing else is recorded.
      </p>
      <p>
        Use the tasktrace button in the toolbar to see what is being recorded, pause, or upload.
      </p>
    </section>
  );
}
