import { CliError } from '../export/cli-error';

/** Fails with a CliError saying what to do when nothing answers at the base URL. */
export async function checkBaseUrl(baseUrl: string): Promise<void> {
  try {
    await fetch(baseUrl, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const why =
      cause?.code ??
      cause?.message ??
      ((error as Error).name === 'TimeoutError' ? 'no answer in 5 s' : (error as Error).message);
    throw new CliError(
      `Cannot reach ${baseUrl} (${why}). Start the site first (the demo shop: npm start serves it on http://127.0.0.1:8788, or npx tsx demo/serve-demo-site.ts 8788), or fix --base-url.`,
    );
  }
}
