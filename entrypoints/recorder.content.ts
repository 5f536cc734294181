import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentRecorder } from '../lib/messaging/run-content-recorder';

// Registered at runtime by the background, only for the study's granted sites.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    void runContentRecorder(ctx.signal);
  },
});
