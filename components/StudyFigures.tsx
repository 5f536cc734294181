import type { StudyProgress } from '../lib/schema';

type Props = {
  stats: Pick<StudyProgress, 'participants' | 'sessions' | 'events' | 'annotatedSessions'>;
};

const number = new Intl.NumberFormat('en');

/** A study's progress at a glance. Erased participants are not counted anywhere. */
export function StudyFigures({ stats }: Props) {
  const figures: [string, number, string | null][] = [
    ['Participants', stats.participants, null],
    ['Sessions', stats.sessions, null],
    ['Events', stats.events, null],
    [
      'Annotated sessions',
      stats.annotatedSessions,
      stats.sessions > 0 ? `of ${number.format(stats.sessions)}` : null,
    ],
  ];
  return (
    <dl class="figures">
      {figures.map(([label, value, note]) => (
        <div
          class="figure"
          key={label}
          data-testid={`figure-${label.toLowerCase().replace(/ /g, '-')}`}
        >
          <dt>{label}</dt>
          <dd>
            <span class="figure-value">{number.format(value)}</span>
            {note && <span class="muted small"> {note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
