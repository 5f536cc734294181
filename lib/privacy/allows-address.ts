import { normalizePath } from './normalize-path';
import type { SitePattern } from './site-patterns';

/**
 * The recorder's check of an address against its sites (see site-patterns.ts): matched
 * by one of them and not under that one's excluded paths, after normalisation.
 */
export function compileSites(sites: readonly SitePattern[]): (url: string) => boolean {
  const compiled = sites.map((site) => ({
    url: new RegExp(site.url),
    exclude: site.exclude === null ? null : new RegExp(site.exclude),
  }));
  return (input) => {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return false;
    }
    const address = `${url.protocol}//${url.hostname}${url.pathname}`;
    const path = normalizePath(url.pathname);
    return compiled.some((site) => site.url.test(address) && !site.exclude?.test(path));
  };
}
