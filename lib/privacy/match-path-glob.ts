/**
 * Whether a normalised path may match a normalised glob (`*` matches any run of
 * characters, `/` included). Segments of the path that start with `:` are
 * placeholders left by scrubbing (`:id`, `:text`, a route template's `:user`): they
 * stand for an unknown non-empty segment, so they may match any run of the glob
 * without a `/`. The answer is therefore "could this page be excluded": a scrubbed
 * path is treated as excluded whenever some address it may stand for is.
 *
 * `keptAsIs` names the glob segments a scrubber would have kept as they are (made of
 * structural words): a placeholder cannot stand for one of those, so `/shop/:text`
 * is not taken for `/shop/account` when `account` is a structural word.
 */
export function mayMatchGlob(
  path: string,
  glob: string,
  keptAsIs: (segment: string) => boolean = () => false,
): boolean {
  const tokens = tokenize(path);
  const solid = solidPositions(glob, keptAsIs);
  const memo = new Map<number, boolean>();
  const width = tokens.length + 1;

  const match = (g: number, p: number): boolean => {
    const key = g * width + p;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (g === glob.length) result = p === tokens.length;
    else if (glob[g] === '*') result = match(g + 1, p) || (p < tokens.length && match(g, p + 1));
    else if (p === tokens.length) result = false;
    else {
      const token = tokens[p];
      const char = glob[g];
      if (token === HOLE) {
        // The placeholder's segment ends here, or goes on over the next glob character.
        result = char !== '/' && !solid[g] && (match(g + 1, p + 1) || match(g + 1, p));
      } else result = token === char && match(g + 1, p + 1);
    }
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

const HOLE = Symbol('placeholder');

/** For each glob character: whether it lies in a wildcard-free segment kept as it is. */
function solidPositions(glob: string, keptAsIs: (segment: string) => boolean): boolean[] {
  const solid: boolean[] = [];
  for (const segment of glob.split('/')) {
    const kept = segment !== '' && !segment.includes('*') && keptAsIs(segment);
    for (let index = 0; index < segment.length; index++) solid.push(kept);
    solid.push(false);
  }
  return solid;
}

function tokenize(path: string): (string | typeof HOLE)[] {
  const tokens: (string | typeof HOLE)[] = [];
  path.split('/').forEach((segment, index) => {
    if (index > 0) tokens.push('/');
    if (segment.startsWith(':') && segment.length > 1) tokens.push(HOLE);
    else for (const char of segment) tokens.push(char);
  });
  return tokens;
}
