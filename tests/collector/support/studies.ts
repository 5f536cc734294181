import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StudyFile } from '../../../lib/schema';

/** A minimal valid study file; endpoint left out so the collector fills it. */
export function studyFile(id: string, overrides: Partial<StudyFile> = {}): StudyFile {
  return {
    id,
    name: `Study ${id}`,
    researcher: { name: 'Ada Researcher', contact: 'ada@example.org' },
    consent: { text: 'We record how you complete tasks on shop.example.', version: '2026-01' },
    allowlist: [{ match: 'https://shop.example/*' }],
    retentionDays: 90,
    ...overrides,
  };
}

/** A fresh folder under the system temp dir holding the given files (name → content). */
export async function tempFolder(files: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-studies-'));
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}
