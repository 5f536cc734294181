import { useMemo } from 'preact/hooks';
import type { EpisodeObservation } from '../lib/schema';
import { plural } from '../lib/trace/format';
import { WireframeLegend } from './WireframeLegend';
import { WireframePartList } from './WireframePartList';
import { type DrawnPart, layoutWireframe } from './wireframe-layout';
import { targetPhrase } from './wireframe-text';

type Props = {
  /** Unique on the page: the ids of the drawing's description and list derive from it. */
  id: string;
  observation: EpisodeObservation;
  /** The step's target node in it, or null. */
  target: number | null;
  /** What the step did to its target, for the summary: "clicked", "edited"; null to say "target". */
  verb?: string | null;
};

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
        <WireframeLegend />
        <p id={`${id}-about`} class="wf-target-note">
          {targetNode
            ? `Outlined in orange: ${targetPhrase(targetNode, verb)}, ${targetNode.box.w} × ${targetNode.box.h} px at ${targetNode.box.x}, ${targetNode.box.y} on the page.`
            : 'No part of this layout is marked as the target of this step.'}{' '}
          The dashed frame is the screen (the viewport);{' '}
          {layout.undrawn > 0
            ? `${plural(layout.undrawn, 'part')} hidden or off to the side ${layout.undrawn === 1 ? 'is' : 'are'} only in the list.`
            : 'every part is drawn.'}
        </p>
      </figcaption>
      <WireframePartList id={id} nodes={observation.nodes} target={targetNode?.id ?? null} />
    </figure>
  );
}

/** A second outline around the target, a little outside its box, so it shows on any colour. */
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
