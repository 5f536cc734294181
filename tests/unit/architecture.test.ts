// @vitest-environment node
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, partOf } from '../../scripts/architecture/check-architecture';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/architecture', import.meta.url));

/** The command `npm run lint` ends with, on another folder. */
async function runCheck(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/check-architecture.ts', root],
      { cwd: repo },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the architecture check', () => {
  it('files each path under the longest part that holds it', () => {
    expect(partOf('lib/recorder/observe-clicks.ts')).toBe('lib/recorder');
    expect(partOf('entrypoints/popup/main.tsx')).toBe('entrypoints/popup');
    expect(partOf('entrypoints/recorder.ts')).toBe('entrypoints/recorder.ts');
    expect(partOf('entrypoints/background.ts')).toBe('entrypoints');
    expect(partOf('collector/web/api.ts')).toBe('collector');
    expect(partOf('tests/unit/x.test.ts')).toBeNull();
  });

  it('finds every broken rule in the fixture, and nothing it keeps', () => {
    const found = checkArchitecture(fixture)
      .map(({ file, line, message }) => `${file}:${line} ${message}`)
      .sort();
    expect(found).toHaveLength(9);
    const expected: [string, RegExp][] = [
      [
        'collector/http/authenticate.ts:2',
        /collector may not use the extension API \(import of wxt\/utils\/storage\)/,
      ],
      [
        'collector/http/authenticate.ts:4',
        /folders import each other: collector\/http -> collector\/routes -> collector\/http/,
      ],
      ['components/View.tsx:3', /components may not import lib\/messaging/],
      ['entrypoints/popup/main.tsx:4', /entrypoints\/popup may not import lib\/db/],
      ['entrypoints/popup/main.tsx:6', /imports tests\/helper, which is not part of the product/],
      [
        'lib/background/handlers.ts:2',
        /folders import each other: lib\/background -> lib\/messaging -> lib\/background/,
      ],
      ['lib/messaging/send.ts:3', /lib\/messaging may not import lib\/background/],
      [
        'lib/privacy/scrub.ts:2',
        /lib\/privacy may not use the extension API \(the `chrome` global\)/,
      ],
      ['lib/recorder/observe-clicks.ts:3', /lib\/recorder may not import lib\/db/],
    ];
    for (const [where, message] of expected) {
      const line = found.find((text) => text.startsWith(`${where} `));
      expect(line, where).toMatch(message);
    }
  });

  // Reading every source file takes seconds on a busy machine.
  it('fails the lint command on the fixture, naming each file and line', {
    timeout: 60_000,
  }, async () => {
    const { code, output } = await runCheck(fixture);
    expect(code).toBe(1);
    expect(output).toContain('lib/recorder/observe-clicks.ts:3');
    expect(output).toContain('9 imports break the architecture');
  });

  it('passes on the repository itself', { timeout: 60_000 }, async () => {
    expect(checkArchitecture(repo)).toEqual([]);
  });
});
