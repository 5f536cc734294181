import type { ComponentProps } from 'preact';
import { browser } from 'wxt/browser';
import type { ReviewView } from '../../components/ReviewView';
import { saveJsonl } from '../../components/save-jsonl';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { plural } from '../../lib/trace/format';
import type { ReviewData } from './use-review-data';

/** What the list of sessions does: open one, upload all, export, rejoin, open Options. */
export function listActions(data: ReviewData): ComponentProps<typeof ReviewView>['listActions'] {
  const { act, setLive, setNotice, go } = data;
  return {
    onOpen: (id) => {
      setNotice(null);
      go(id);
    },
    onUploadAll: () =>
      act(async () => {
        // Progress shows in the list itself, as it happens.
        setLive(await sendToBackground({ type: 'upload/now' }));
      }),
    onExport: () =>
      act(async () => {
        const file = await sendToBackground({ type: 'local/export' });
        saveJsonl(file.fileName, file.jsonl);
        setNotice(`Exported ${plural(file.lines, 'event')} to ${file.fileName}.`);
      }),
    onRejoin: () =>
      act(async () => {
        setLive(await sendToBackground({ type: 'study/rejoin' }));
      }),
    onOpenOptions: () => void browser.runtime.openOptionsPage(),
  };
}
