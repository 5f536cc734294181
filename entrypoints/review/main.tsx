import { render } from 'preact';
import { ReviewView } from '../../components/ReviewView';
import '../../components/styles.css';
import { listActions } from './list-actions';
import { sessionActions } from './session-actions';
import { useReviewData } from './use-review-data';

function Review() {
  const data = useReviewData();
  return (
    <ReviewView
      sessionId={data.sessionId}
      list={data.list}
      detail={data.detail}
      live={data.live}
      busy={data.busy}
      error={data.error}
      notice={data.notice}
      listActions={listActions(data)}
      sessionActions={sessionActions(data)}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<Review />, root);
