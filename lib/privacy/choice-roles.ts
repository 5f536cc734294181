/**
 * Roles of controls whose name is the choice itself: naming the one acted on would say
 * which option was chosen, so they carry no name even at level `labels` (the recorder's
 * `isChoiceControl` for targets, the background and collector for observations).
 */
export const CHOICE_ROLES: ReadonlySet<string> = new Set([
  'radio',
  'checkbox',
  'option',
  'switch',
  'menuitemradio',
  'menuitemcheckbox',
]);
