import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecorderWithHooks } from '../lib/bench-hooks/run-recorder-with-hooks';
import { runContentRecorder } from '../lib/messaging/run-content-recorder';

// Registered at runtime by the background, only for the study's granted sites.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Bench builds time the recorder from inside; the branch is dropped from other builds.
    if (import.meta.env.MODE === 'bench')
      runRecorderWithHooks((onReady) => runContentRecorder(ctx.signal, onReady));
    else void runContentRecorder(ctx.signal);
  },
});
