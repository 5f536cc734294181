import { useMemo } from 'preact/hooks';
import type { EpisodeObservation, ObservedNode } from '../lib/schema';
import { plural } from '../lib/trace/format';
import {
  type DrawnPart,
  depths,
  layoutWireframe,
  type PartKind,
  partNoun,
} from './wireframe-layout';

type Props = {
  /** Unique on the page: the ids of the drawing's description and list derive from it. */
  id: string;
  observation: EpisodeObservation;
  /** The step's target node in it, or null. */
  target: number | null;
  /** What the step did to its target, for the summary: "clicked", "edited"; null to say "target". */
  verb?: string | null;
};

const KINDS: { kind: PartKind; text: string }[] = [
  { kind: 'landmark', text: 'Landmark or region' },
  { kind: 'heading', text: 'Heading' },
  { kind: 'control', text: 'Link, button or field' },
  { kind: 'other', text: 'List, table or other part' },
];

/**
 * A page's interface as the recorder saw it, drawn as boxes: one per part, labelled with
 * its role (and its name, only when the session was recorded at level `labels`), the
 * step's target outlined, the volunteer's screen dashed. Everything drawn is also listed
 * as text, for screen readers and keyboards; nothing else was recorded to draw.
 */
export function ObservationWireframe({ id, observation, target, verb = null }: Props) {
  const layout = useMemo(() => layoutWireframe(observation, target), [observation, target]);
  const targetNode = observation.nodes.find((node) => node.id === target) ?? null;
  const count = plural(observation.nodes.length, 'part');
  const summary = `Wireframe of the page: ${count}, ${
    targetNode ? `${targetPhrase(targetNode, verb)} highlighted` : 'no target marked'
  }`;
  const { view, viewport, unit, font } = layout;
  const drawnTarget = layout.parts.find((part) => part.node.id === target) ?? null;
  return (
    <figure class="wf" data-testid="wireframe">
      <div class="wf-canvas">
        <svg
          role="img"
          aria-label={summary}
          aria-describedby={`${id}-about`}
          viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
          width="100%"
          preserveAspectRatio="xMidYMin meet"
          focusable="false"
        >
          <rect class="wf-page" x={view.x} y={view.y} width={view.w} height={view.h} />
          <rect
            class="wf-viewport"
            x={viewport.x}
            y={viewport.y}
            width={viewport.w}
            height={viewport.h}
            vector-effect="non-scaling-stroke"
          />
          <g class="wf-boxes">
            {layout.parts.map((part) => (
              <rect
                key={part.node.id}
                class={`wf-node wf-${part.kind}${part === drawnTarget ? ' wf-target' : ''}`}
                data-node={part.node.id}
                x={part.node.box.x}
                y={part.node.box.y}
                width={part.node.box.w}
                height={part.node.box.h}
                rx={2 * unit}
                vector-effect="non-scaling-stroke"
              />
            ))}
            {drawnTarget && <TargetHalo part={drawnTarget} unit={unit} />}
          </g>
          <g class="wf-labels" font-size={font}>
            {layout.parts.map(
              (part) =>
                part.label && (
                  <text
                    key={part.node.id}
                    class={`wf-label${part === drawnTarget ? ' wf-label-target' : ''}`}
                    data-node={part.node.id}
                    x={part.label.x + 2 * unit}
                    y={part.label.y + font}
                    stroke-width={3 * unit}
                  >
                    {part.label.text}
                  </text>
                ),
            )}
          </g>
        </svg>
      </div>
      <figcaption class="wf-about">
        <Legend />
        <p id={`${id}-about`} class="wf-target-note">
          {targetNode
            ? `Outlined in orange: ${targetPhrase(targetNode, verb)}, ${targetNode.box.w} × ${targetNode.box.h} px at ${targetNode.box.x}, ${targetNode.box.y} on the screen.`
            : 'No part of this layout is marked as the target of this step.'}{' '}
          The dashed frame is the screen (the viewport);{' '}
          {layout.undrawn > 0
            ? `${plural(layout.undrawn, 'part')} hidden or off to the side ${layout.undrawn === 1 ? 'is' : 'are'} only in the list.`
            : 'every part is drawn.'}
        </p>
      </figcaption>
      <PartList id={id} nodes={observation.nodes} target={targetNode?.id ?? null} />
    </figure>
  );
}

function TargetHalo({ part, unit }: { part: DrawnPart; unit: number }) {
  const { box } = part.node;
  const gap = 3 * unit;
  return (
    <rect
      class="wf-target-halo"
      x={box.x - gap}
      y={box.y - gap}
      width={box.w + 2 * gap}
      height={box.h + 2 * gap}
      rx={4 * unit}
      vector-effect="non-scaling-stroke"
    />
  );
}

function Legend() {
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

/** The parts as text, in page order and indented as nested: all the layout holds. */
function PartList({
  id,
  nodes,
  target,
}: {
  id: string;
  nodes: readonly ObservedNode[];
  target: number | null;
}) {
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

/** "link “Cart”, to /cart", "email field, required", "table, 3 rows × 4 columns". */
export function partDescription(node: ObservedNode): string {
  const parts = [node.name ? `${partNoun(node)} “${node.name}”` : partNoun(node)];
  if (node.field && node.role && node.role !== 'textbox') parts.push(node.role);
  if (node.rows !== undefined || node.cols !== undefined) {
    parts.push(`${plural(node.rows ?? 0, 'row')} × ${plural(node.cols ?? 0, 'column')}`);
  }
  if (node.path) parts.push(`to ${node.path}`);
  if (node.states.length > 0) parts.push(node.states.join(', '));
  return parts.join(', ');
}

function targetPhrase(node: ObservedNode, verb: string | null): string {
  const noun = node.name ? `${partNoun(node)} “${node.name}”` : partNoun(node);
  return verb ? `the ${verb} ${noun}` : `the target ${noun}`;
}
