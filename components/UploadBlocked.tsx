type Props = { blocked: string; busy: boolean; onRejoin: () => void };

/**
 * Uploads stopped because the collector refused the token: the reason, and rejoining as
 * the one way out. The popup and the review page show it alike.
 */
export function UploadBlocked({ blocked, busy, onRejoin }: Props) {
  return (
    <div class="warning" role="alert">
      <p>{blocked}</p>
      <button type="button" class="primary" disabled={busy} onClick={onRejoin}>
        Rejoin the study
      </button>
    </div>
  );
}
