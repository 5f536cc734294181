import type { IconName } from '../lib/trace/describe-step';

/**
 * Line drawings, not emoji: emoji depend on a colour-emoji font the volunteer's or
 * annotator's system may lack (then every step shows an empty box), and they ignore
 * the colour scheme. These follow `currentColor` in light and dark.
 */
const PATHS: Record<IconName, string> = {
  pointer: 'M5 3l6.5 17 2.5-7 7-2.5z',
  focus: 'M12 2v5M12 17v5M2 12h5M17 12h5M12 9a3 3 0 1 1 0 6a3 3 0 0 1 0-6z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  change: 'M4 4h16v16H4zM8 12l3 3 5-6',
  submit: 'M20 5v6a4 4 0 0 1-4 4H5M9 11l-4 4 4 4',
  key: 'M3 6h18v12H3zM7 10h1M11 10h1M15 10h1M7 14h10',
  clipboard: 'M9 3h6v3H9zM8 4.5H5V21h14V4.5h-3',
  scroll: 'M12 3v18M8 7l4-4 4 4M8 17l4 4 4-4',
  back: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  hash: 'M5 9h14M5 15h14M10 4L8 20M16 4l-2 16',
  page: 'M3 4h18v16H3zM6 7h5v4H6zM14 7h4M14 10h4M6 14h12M6 17h8',
  globe: 'M3 12h18M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM12 3c3 3 3 15 0 18c-3-3-3-15 0-18z',
  tabs: 'M3 9h18v11H3zM3 9V5h8v4',
  start: 'M7 4l13 8-13 8z',
  end: 'M6 6h12v12H6z',
  pause: 'M8 5v14M16 5v14',
  resume: 'M8 5v14M12 5l8 7-8 7z',
  gap: 'M5 12h1M11.5 12h1M18 12h1',
};

export function StepIcon({ name }: { name: IconName }) {
  return (
    <svg
      class="step-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
