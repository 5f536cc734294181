/**
 * Hands a JSONL export to the browser as a download. The address stays valid for a
 * minute, since the download may start only after the click has returned.
 */
export function saveJsonl(fileName: string, jsonl: string): void {
  const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
