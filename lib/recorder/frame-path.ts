/**
 * Indexes of each frame from the top window down to `win`. Comparing WindowProxy
 * objects is allowed across origins, so this works inside cross-origin frames.
 */
export function framePathOf(win: Window): number[] {
  const path: number[] = [];
  let current: Window = win;
  while (current !== current.parent && path.length < 16) {
    const parent = current.parent;
    let index = -1;
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] === current) {
        index = i;
        break;
      }
    }
    path.unshift(Math.max(index, 0));
    current = parent;
  }
  return path;
}
