const NEVER = [
  'Anything you type into a form, or how long it is',
  'Which option, checkbox or radio button you chose',
  'Page text, titles, screenshots or mouse movements',
  'Query strings and fragments of web addresses',
  'Clipboard contents, file names, cookies',
  'Anything in private windows, on sites you did not grant, or while paused',
];

export function NeverRecorded() {
  return (
    <ul class="never">
      {NEVER.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
