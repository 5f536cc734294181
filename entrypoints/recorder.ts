import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runContentRecorder } from '../lib/messaging/run-content-recorder';

// Registered at runtime by the background, only for the study's granted sites, as a
// content script. A plain script rather than WXT's content script: it needs none of
// that wrapper's helpers, and the recorder's bundle must stay small.
export default defineUnlistedScript(() => {
  void runContentRecorder();
});
