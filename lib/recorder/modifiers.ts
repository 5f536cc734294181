type Modifier = 'alt' | 'ctrl' | 'meta' | 'shift';

export function modifiersOf(event: MouseEvent | KeyboardEvent): Modifier[] {
  const mods: Modifier[] = [];
  if (event.altKey) mods.push('alt');
  if (event.ctrlKey) mods.push('ctrl');
  if (event.metaKey) mods.push('meta');
  if (event.shiftKey) mods.push('shift');
  return mods;
}
