import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEVER_RECORDED, RECORDED, RECORDED_AT_LABELS } from '../../lib/privacy/disclosure';

const privacy = readFileSync(join(process.cwd(), 'PRIVACY.md'), 'utf8');

/** The bullets of one `## ` section, wrapped lines joined and Markdown emphasis removed. */
function bullets(title: string): string[] {
  const start = privacy.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`PRIVACY.md has no section "${title}"`);
  const rest = privacy.slice(start + title.length + 4);
  const next = rest.search(/^## /m);
  const body = next < 0 ? rest : rest.slice(0, next);
  const items: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) items.push(line.slice(2).trim());
    else if (line.startsWith('  ') && line.trim() && items.length > 0)
      items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.map((item) => item.replace(/`|\*\*|\b_|_\b/g, ''));
}

describe('the consent screen and PRIVACY.md', () => {
  it('list exactly the same things as never recorded', () => {
    expect(bullets('Never recorded, under any setting')).toEqual([...NEVER_RECORDED]);
  });

  it('list exactly the same things as recorded, per capture level', () => {
    expect(bullets('Recorded, in short')).toEqual([...RECORDED, ...RECORDED_AT_LABELS]);
  });
});
