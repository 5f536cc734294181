import type { PartKind } from './wireframe-parts';

// The key to the drawing's colours and lines. It is static, so it lives apart from the
// drawing; its swatches reuse the parts' classes so the two cannot drift apart.

const KINDS: { kind: PartKind; text: string }[] = [
  { kind: 'landmark', text: 'Landmark or region' },
  { kind: 'heading', text: 'Heading' },
  { kind: 'control', text: 'Link, button or field' },
  { kind: 'other', text: 'List, table or other part' },
];

export function WireframeLegend() {
  return (
    <ul class="wf-legend">
      {KINDS.map(({ kind, text }) => (
        <li key={kind}>
          <span class={`wf-swatch wf-${kind}`} aria-hidden="true" />
          {text}
        </li>
      ))}
      <li>
        <span class="wf-swatch wf-swatch-target" aria-hidden="true" />
        This step's target
      </li>
      <li>
        <span class="wf-swatch wf-swatch-viewport" aria-hidden="true" />
        Your screen
      </li>
    </ul>
  );
}
