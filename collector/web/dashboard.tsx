import './zod-jitless';
import { render } from 'preact';
import { EventsPerDayChart } from '../../components/EventsPerDayChart';
import { ExportDownloads } from '../../components/ExportDownloads';
import { StudyFigures } from '../../components/StudyFigures';
import { WebHeader } from '../../components/WebHeader';
import '../../components/styles.css';
import './web.css';
import { SignIn } from './SignIn';
import { useAccess } from './use-access';
import { useDashboard } from './use-dashboard';

function Dashboard() {
  const access = useAccess();
  const { token, studies } = access;
  const { study, setStudy, stats, error, download, startDownload } = useDashboard(access);

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
