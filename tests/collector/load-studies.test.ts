import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../collector/common/config-error';
import { loadStudies } from '../../collector/studies/load-studies';
import { toManifest } from '../../collector/studies/to-manifest';
import { studyFile, tempFolder } from './support/studies';

const folders: string[] = [];
async function folder(files: Record<string, unknown>): Promise<string> {
  const dir = await tempFolder(files);
  folders.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function loadError(dir: string): Promise<string> {
  const error = await loadStudies(dir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

describe('loadStudies', () => {
  it('loads every study with defaults filled in, ignoring other files', async () => {
    const dir = await folder({
      'a.json': studyFile('study-a'),
      'b.json': studyFile('study-b', { captureLevel: 'labels' }),
      'README.md': '# not a study',
    });
    const studies = await loadStudies(dir);
    expect([...studies.keys()]).toEqual(['study-a', 'study-b']);
    expect(studies.get('study-a')).toMatchObject({
      captureLevel: 'structure',
      description: '',
      testIdAttributes: [],
      allowlist: [{ match: 'https://shop.example/*', excludePaths: [] }],
    });
    expect(studies.get('study-b')?.captureLevel).toBe('labels');
  });

  it('names the file and the field path of each problem', async () => {
    const dir = await folder({
      'demo.json': studyFile('demo', {
        allowlist: [{ match: 'https://shop.example:8080/*' }],
        retentionDays: 0,
      }),
    });
    const message = await loadError(dir);
    const file = path.join(dir, 'demo.json');
    expect(message).toContain(`${file}: allowlist.0.match: must be a match pattern like`);
    expect(message).toContain(`${file}: retentionDays:`);
  });

  it('reports unknown keys in a study file', async () => {
    const dir = await folder({ 'demo.json': { ...studyFile('demo'), sites: [] } });
    expect(await loadError(dir)).toMatch(/demo\.json: .*sites/);
  });

  it('reports invalid JSON with the parse error', async () => {
    const dir = await folder({ 'broken.json': '{ "id": "broken", ' });
    expect(await loadError(dir)).toMatch(/broken\.json: invalid JSON: .+/);
  });

  it('reports a duplicate id, naming both files', async () => {
    const dir = await folder({ 'one.json': studyFile('same'), 'two.json': studyFile('same') });
    const message = await loadError(dir);
    expect(message).toContain(`${path.join(dir, 'two.json')}: id: "same" is already used by`);
    expect(message).toContain(path.join(dir, 'one.json'));
  });

  it('reports every bad file at once', async () => {
    const dir = await folder({
      'a.json': '[',
      'b.json': studyFile('b', { retentionDays: -1 }),
      'c.json': studyFile('c'),
    });
    const message = await loadError(dir);
    expect(message).toContain('a.json: invalid JSON');
    expect(message).toContain('b.json: retentionDays');
  });

  it('refuses an empty folder', async () => {
    const dir = await folder({ 'notes.txt': 'nothing here' });
    expect(await loadError(dir)).toMatch(/No study files \(\*\.json\) in .+: add at least one/);
  });

  it('refuses a missing folder', async () => {
    const dir = path.join(await folder({}), 'does-not-exist');
    expect(await loadError(dir)).toMatch(/Studies folder .*does-not-exist does not exist/);
  });
});

describe('toManifest', () => {
  it('fills the endpoint with the collector URL when the study names none', async () => {
    const studies = await loadStudies(await folder({ 'demo.json': studyFile('demo') }));
    const manifest = toManifest(studies.get('demo')!, 'http://127.0.0.1:8787');
    expect(manifest.endpoint).toBe('http://127.0.0.1:8787');
  });

  it("keeps the study's own endpoint", async () => {
    const own = studyFile('demo', { endpoint: 'https://collector.example' });
    const studies = await loadStudies(await folder({ 'demo.json': own }));
    expect(toManifest(studies.get('demo')!, 'http://127.0.0.1:8787').endpoint).toBe(
      'https://collector.example',
    );
  });

  it('refuses to serve a plain-http endpoint that is not loopback', async () => {
    const studies = await loadStudies(await folder({ 'demo.json': studyFile('demo') }));
    expect(() => toManifest(studies.get('demo')!, 'http://0.0.0.0:8787')).toThrow(/--public-url/);
  });
});
