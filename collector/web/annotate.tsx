import './zod-jitless';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { WebHeader } from '../../components/WebHeader';
import '../../components/styles.css';
import './web.css';
import { type ListState, SessionListPage } from './SessionListPage';
import { SessionPage } from './SessionPage';
import { SignIn } from './SignIn';
import { useAccess } from './use-access';

const LEAVE_UNSAVED = 'Leave this session without saving your changes?';

const sessionInAddress = () => new URLSearchParams(location.search).get('session');

function Annotate() {
  const access = useAccess();
  const { token, studies } = access;
  const [session, setSession] = useState<string | null>(sessionInAddress);
  const [list, setList] = useState<ListState>({ study: '', annotated: 'all', cursors: [null] });
  const dirty = useRef(false);

  useEffect(() => {
    if (studies && !studies.some((s) => s.id === list.study)) {
      setList((l) => ({ ...l, study: studies[0]?.id ?? '', cursors: [null] }));
    }
  }, [studies, list.study]);

  // Back and forward move between the list and sessions, as links would.
  useEffect(() => {
    const onPop = () => setSession(sessionInAddress());
    const onLeave = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    addEventListener('popstate', onPop);
    addEventListener('beforeunload', onLeave);
    return () => {
      removeEventListener('popstate', onPop);
      removeEventListener('beforeunload', onLeave);
    };
  }, []);

  const go = (id: string | null) => {
    if (dirty.current && !confirm(LEAVE_UNSAVED)) return;
    dirty.current = false;
    history.pushState(null, '', id ? `/annotate?session=${encodeURIComponent(id)}` : '/annotate');
    setSession(id);
    scrollTo(0, 0);
  };

  if (!token || !studies) {
    return (
      <SignIn page="annotate" title="Annotate sessions" access={access}>
        <p>
          Enter your annotator token (or the researcher token) to mark the tasks in uploaded
          sessions.
        </p>
      </SignIn>
    );
  }

  return (
    <>
      <WebHeader
        page="annotate"
        onForgetToken={() => {
          if (dirty.current && !confirm(LEAVE_UNSAVED)) return;
          dirty.current = false;
          access.forget();
        }}
      />
      {session ? (
        <SessionPage
          key={session}
          token={token}
          id={session}
          onBack={() => go(null)}
          onRefused={access.refuse}
          onDirty={(next) => {
            dirty.current = next;
          }}
        />
      ) : (
        <SessionListPage
          token={token}
          studies={studies}
          state={list}
          onState={setList}
          onOpen={go}
          onRefused={access.refuse}
        />
      )}
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Annotate />, root);
