import { useEffect, useState } from 'preact/hooks';
import type { DownloadState, ExportFormat } from '../../components/ExportDownloads';
import type { StudyStats } from '../../lib/schema';
import { CollectorRequestError, readStats } from './api';
import { downloadWithToken } from './download';
import type { Access } from './use-access';

/** How often the figures refresh while the page is open. */
const REFRESH_MS = 30_000;

const RESEARCHER_ONLY =
  'The dashboard needs the researcher token: this one may list and annotate sessions only (see Annotate, above).';

export type DashboardData = {
  /** The study shown: the one in the address if it exists, else the first. */
  study: string;
  setStudy(study: string): void;
  /** Null while loading. */
  stats: StudyStats | null;
  error: string | null;
  download: DownloadState;
  startDownload(format: ExportFormat): Promise<void>;
};

/** The dashboard's data: the study shown, its figures (kept fresh), and its export download. */
export function useDashboard(access: Access): DashboardData {
  const { token, studies } = access;
  const [study, setStudy] = useState(() => new URLSearchParams(location.search).get('study') ?? '');
  const [stats, setStats] = useState<StudyStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });

  // The study in the address wins if it exists; otherwise the first one.
  useEffect(() => {
    if (studies && !studies.some((s) => s.id === study)) setStudy(studies[0]?.id ?? '');
  }, [studies, study]);

  useEffect(() => {
    if (!token || !study || !studies?.some((s) => s.id === study)) return;
    history.replaceState(null, '', `/?study=${encodeURIComponent(study)}`);
    let live = true;
    const load = () =>
      readStats(token, study)
        .then((next) => {
          if (!live) return;
          setStats(next);
          setError(null);
        })
        .catch((failure: Error) => {
          if (!live) return;
          if (
            failure instanceof CollectorRequestError &&
            (failure.status === 401 || failure.status === 403)
          ) {
            access.refuse(failure.status === 403 ? RESEARCHER_ONLY : failure.message);
          } else {
            setError(failure.message);
          }
        });
    setStats(null);
    setDownload({ kind: 'idle' });
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token, study, studies]);

  const startDownload = async (format: ExportFormat) => {
    if (!token) return;
    setDownload({ kind: 'downloading', format, bytes: 0 });
    try {
      const saved = await downloadWithToken(
        `/v1/export?study=${encodeURIComponent(study)}&format=${format}`,
        token,
        `${study}-${format}.jsonl`,
        (bytes) => setDownload({ kind: 'downloading', format, bytes }),
      );
      setDownload({ kind: 'done', ...saved });
    } catch (failure) {
      setDownload({ kind: 'failed', format, message: (failure as Error).message });
    }
  };

  return { study, setStudy, stats, error, download, startDownload };
}
