import { isLoopbackHost, type StudyManifest, studyManifest } from '../schema';

/**
 * Loads and validates a study from the link a volunteer pasted. Every failure is a
 * sentence that says what went wrong and what to do about it.
 */
export async function fetchStudy(
  link: string,
  fetchImpl: typeof fetch = fetch,
): Promise<StudyManifest> {
  const url = parseStudyLink(link);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error(
      `Could not reach ${url.origin}. Check the link and your connection, then try again.`,
    );
  }
  if (response.status === 404) {
    throw new Error('No study was found at that link. Ask the researcher for a current link.');
  }
  if (!response.ok) {
    throw new Error(`The study server answered HTTP ${response.status}. Try again later.`);
  }
  const body = await response.json().catch(() => undefined);
  const parsed = studyManifest.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || 'the file';
    throw new Error(
      `That link does not point to a valid tasktrace study (${where}: ${first?.message}). Ask the researcher to check it.`,
    );
  }
  return parsed.data;
}

export function parseStudyLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw new Error('That is not a link. Paste the whole study link, starting with https://');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new Error('Study links must start with https:// so nobody can tamper with the study.');
  }
  return url;
}
