import { getRole } from 'dom-accessibility-api';
import type { CaptureLevel, TargetDescriptor } from '../schema';
import { buildSelector } from './build-selector';
import { describeLabels } from './describe-labels';
import { fieldKindOf } from './field-kind';
import { isChoiceControl } from './is-choice-control';

export type DescribeContext = {
  testIdAttributes: readonly string[];
  passwordsSeen: WeakSet<Element>;
  /** At `labels`, the scrubbed accessible name and form label are added. */
  captureLevel?: CaptureLevel;
  /**
   * The structural words (`structuralWords()`, from the recorder's configuration): ids,
   * classes and name words outside them are never recorded. Absent, none are kept.
   */
  words?: ReadonlySet<string>;
};

/**
 * Describes an element by structure only: tag, role, field kind, selector,
 * shadow-host path and geometry. Never text, never a value.
 */
export function describeTarget(element: Element, context: DescribeContext): TargetDescriptor {
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const descriptor: TargetDescriptor = {
    tag: safeTag(element.localName),
    role: safeRole(getRole(element)),
    field: fieldKindOf(element, context.passwordsSeen),
    selector: buildSelector(element, context),
    shadow: shadowHostPath(element, context),
    box: {
      x: Math.round(rect.x),
      y: Math.round(rect.y),
      w: Math.max(0, Math.round(rect.width)),
      h: Math.max(0, Math.round(rect.height)),
    },
    viewport: { w: view?.innerWidth ?? 0, h: view?.innerHeight ?? 0 },
  };
  if (context.captureLevel === 'labels' && !isChoiceControl(element)) {
    Object.assign(descriptor, describeLabels(element, context.words));
  }
  return descriptor;
}

function shadowHostPath(element: Element, context: DescribeContext): string[] {
  const hosts: string[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot && hosts.length < 16) {
    hosts.unshift(buildSelector(root.host, context));
    root = root.host.getRootNode();
  }
  return hosts;
}

function safeTag(tag: string): string {
  return /^[a-z][a-z0-9-]{0,63}$/.test(tag) ? tag : 'unknown';
}

function safeRole(role: string | null): string | null {
  return role && /^[a-z]{1,32}$/.test(role) ? role : null;
}
