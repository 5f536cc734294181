import { useMemo } from 'preact/hooks';
import type { ObservedNode } from '../lib/schema';
import { plural } from '../lib/trace/format';
import { depths } from './wireframe-depths';
import { partDescription } from './wireframe-text';

// The drawing's text alternative: every recorded part, drawn or not, for screen readers
// and keyboards. It needs none of the drawing's geometry, so it stands on its own.

type Props = {
  /** The drawing's id: the list's ids derive from it. */
  id: string;
  nodes: readonly ObservedNode[];
  target: number | null;
};

/** The parts as text, in page order and indented as nested: all the layout holds. */
export function WireframePartList({ id, nodes, target }: Props) {
  const depth = useMemo(() => depths(nodes), [nodes]);
  return (
    <details class="wf-parts">
      <summary id={`${id}-parts-title`}>List the {plural(nodes.length, 'part')} as text</summary>
      {/* A long list scrolls: it takes focus so that keyboards can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section class="wf-parts-scroll" aria-labelledby={`${id}-parts-title`} tabIndex={0}>
        <ol id={`${id}-parts`}>
          {nodes.map((node) => (
            <li
              key={node.id}
              data-node={node.id}
              class={node.id === target ? 'wf-part-target' : undefined}
              style={{ paddingInlineStart: `${Math.min(depth.get(node.id) ?? 0, 10) * 1.1}rem` }}
            >
              {node.id === target && <strong>Target: </strong>}
              {partDescription(node)}
            </li>
          ))}
        </ol>
      </section>
    </details>
  );
}
