import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { EventsPerDayChart } from '../../components/EventsPerDayChart';
import {
  type DownloadState,
  ExportDownloads,
  type ExportFormat,
} from '../../components/ExportDownloads';
import { StudyFigures } from '../../components/StudyFigures';
import { WebHeader } from '../../components/WebHeader';
import '../../components/styles.css';
import './web.css';
import { ApiError, requestJson } from './api';
import type { StudyStats } from './contract';
import { downloadWithToken } from './download';
import { SignIn } from './SignIn';
import { useAccess } from './use-access';

/** How often the figures refresh while the page is open. */
const REFRESH_MS = 30_000;

const RESEARCHER_ONLY =
  'The dashboard needs the researcher token: this one may list and annotate sessions only (see Annotate, above).';

function Dashboard() {
  const access = useAccess();
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
      requestJson<StudyStats>(`/v1/stats?study=${encodeURIComponent(study)}`, token)
        .then((next) => {
          if (!live) return;
          setStats(next);
          setError(null);
        })
        .catch((failure: Error) => {
          if (!live) return;
          if (failure instanceof ApiError && (failure.status === 401 || failure.status === 403)) {
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

  if (!token || !studies) {
    return (
      <SignIn page="dashboard" title="Dashboard" access={access}>
        <p>
          Enter the researcher token to see each study's progress and download its data. Print it on
          the collector's machine with{' '}
          <code>npm run collector -- token --data &lt;data folder&gt;</code>.
        </p>
      </SignIn>
    );
  }

  const current = studies.find((s) => s.id === study);
  return (
    <>
      <WebHeader page="dashboard" onForgetToken={access.forget} />
      <main class="web-main">
        <div class="page-head">
          <h1>Dashboard</h1>
          {studies.length > 0 && (
            <div class="study-picker">
              <label for="study">Study</label>
              <select id="study" value={study} onChange={(e) => setStudy(e.currentTarget.value)}>
                {studies.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.id})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {studies.length === 0 && (
          <p class="card">This collector runs no study yet: add a study file and restart it.</p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {current && (
          <>
            <section aria-labelledby="figures-title" class="web-panel">
              <h2 id="figures-title">{current.name}</h2>
              {stats ? (
                <StudyFigures stats={stats} />
              ) : (
                <p class="muted" role="status">
                  Loading figures…
                </p>
              )}
            </section>
            <section aria-labelledby="chart-heading" class="web-panel">
              <h2 id="chart-heading">Events per day</h2>
              {stats && <EventsPerDayChart counts={stats.eventsPerDay} />}
            </section>
            <section aria-labelledby="export-title" class="web-panel">
              <h2 id="export-title">Export</h2>
              <p class="muted small">
                JSON lines, streamed from the collector. Erased participants are never included.
                Episodes use the annotator's task boundaries where a session has them, the
                volunteer's otherwise.
              </p>
              <ExportDownloads study={study} state={download} onDownload={startDownload} />
            </section>
          </>
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Dashboard />, root);
