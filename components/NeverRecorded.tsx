import { NEVER_RECORDED } from '../lib/privacy/disclosure';

export function NeverRecorded() {
  return (
    <ul class="never">
      {NEVER_RECORDED.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
