export type AnnotatedFilter = 'all' | 'false' | 'true';

type Props = {
  studies: readonly { id: string; name: string }[];
  study: string;
  annotated: AnnotatedFilter;
  onChange: (filters: { study: string; annotated: AnnotatedFilter }) => void;
};

/** Which sessions the list shows: one study, and whether they were annotated yet. */
export function SessionFilters({ studies, study, annotated, onChange }: Props) {
  return (
    <div class="filters">
      <div>
        <label for="filter-study">Study</label>
        <select
          id="filter-study"
          value={study}
          onChange={(event) => onChange({ study: event.currentTarget.value, annotated })}
        >
          {studies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.id})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-annotated">Show</label>
        <select
          id="filter-annotated"
          value={annotated}
          onChange={(event) =>
            onChange({ study, annotated: event.currentTarget.value as AnnotatedFilter })
          }
        >
          <option value="all">All sessions</option>
          <option value="false">Not annotated yet</option>
          <option value="true">Annotated</option>
        </select>
      </div>
    </div>
  );
}
