import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths';

// Runs after `npm run build` and `npm run build:e2e` (see the `test` script).
async function manifest(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (dir) => {
  it('asks for no site at install: sites are optional and requested after consent', async () => {
    const built = await manifest(dir);
    expect(built.manifest_version).toBe(3);
    expect(built.host_permissions).toBeUndefined();
    expect(built.content_scripts).toBeUndefined();
    expect(JSON.stringify(built)).not.toContain('<all_urls>');
    expect(built.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(built.incognito).toBe('not_allowed');
  });

  it('offers the pause/resume shortcut and idle detection for auto-pause', async () => {
    const built = await manifest(dir);
    expect(built.permissions).toContain('idle');
    expect(built.permissions).toContain('activeTab');
    expect(built.permissions).not.toContain('tabs');
    expect(built.commands).toEqual({
      'toggle-recording': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Pause or resume recording',
      },
    });
  });

  it('has an e2e twin whose only extra host permissions are loopback', async () => {
    const production = await manifest(dir);
    const e2e = await manifest(`${dir}-e2e`);
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const { host_permissions: _extra, ...rest } = e2e;
    expect(rest).toEqual(production);
  });
});
