import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { findFolderCycles } from './find-folder-cycles';
import { listSources } from './list-sources';
import { readSourceFacts } from './read-imports';
import { EXTENSION_API_PACKAGES, OUTSIDE_PRODUCT, PARTS, type PartRule, ROOT_PART } from './rules';

export type Violation = { file: string; line: number; message: string };

/** The part a repository path belongs to: the longest listed folder (or file) it is in. */
export function partOf(path: string, parts: Record<string, PartRule> = PARTS): string | null {
  if (!path.includes('/')) return ROOT_PART;
  let best: string | null = null;
  for (const part of Object.keys(parts)) {
    if ((path === part || path.startsWith(`${part}/`)) && (!best || part.length > best.length)) {
      best = part;
    }
  }
  return best;
}

const isOutside = (path: string) =>
  OUTSIDE_PRODUCT.some((folder) => path === folder || path.startsWith(`${folder}/`));

/** A relative specifier as the repository path it names, without extension. */
function resolve(from: string, specifier: string, root: string): string {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    if (existsSync(join(root, candidate))) return candidate.replace(/(\/index)?\.tsx?$/, '');
  }
  return target.replace(/\.(js|ts|tsx)$/, '');
}

/**
 * Checks every source file under `root` against the part rules and reports each import
 * that crosses a boundary it may not, each use of the extension API where none is
 * allowed, and each cycle between folders.
 */
export function checkArchitecture(root: string): Violation[] {
  const violations: Violation[] = [];
  const folderEdges = new Map<string, Map<string, { file: string; line: number }>>();
  for (const file of listSources(root)) {
    const facts = readSourceFacts(file, readFileSync(join(root, file), 'utf8'));
    const part = partOf(file);
    const rule = part ? PARTS[part] : undefined;
    const inProduct = !isOutside(file);
    if (inProduct && !rule) {
      violations.push({
        file,
        line: 1,
        message: `is in no part of ARCHITECTURE.md: put it in a folder that is one, or add its folder to scripts/architecture/rules.ts and ARCHITECTURE.md.`,
      });
    }
    for (const ref of facts.imports) {
      if (ref.name.startsWith('.')) {
        const target = resolve(file, ref.name, root);
        if (inProduct && isOutside(target)) {
          violations.push({
            file,
            line: ref.line,
            message: `imports ${target}, which is not part of the product (tests, bench, scripts and demo may import the product, not the other way)`,
          });
          continue;
        }
        const targetPart = partOf(target);
        if (rule && part && targetPart && targetPart !== part) {
          if (!rule.mayImport.includes(targetPart)) {
            violations.push({
              file,
              line: ref.line,
              message: `${part} may not import ${targetPart} (${target}): ${part} is ${rule.why}. It may import: ${rule.mayImport.join(', ') || 'nothing outside itself'}.`,
            });
          }
        }
        if (inProduct && !isOutside(target)) {
          const from = posix.dirname(file);
          const to = posix.dirname(target);
          if (from !== to) {
            const edges = folderEdges.get(from) ?? new Map();
            if (!edges.has(to)) edges.set(to, { file, line: ref.line });
            folderEdges.set(from, edges);
          }
        }
      } else if (rule && !rule.extensionApi && isExtensionApi(ref.name)) {
        violations.push({
          file,
          line: ref.line,
          message: `${part} may not use the extension API (import of ${ref.name}): it is ${rule.why}.`,
        });
      }
    }
    if (rule && !rule.extensionApi) {
      for (const use of facts.extensionGlobals) {
        violations.push({
          file,
          line: use.line,
          message: `${part} may not use the extension API (the \`${use.name}\` global): it is ${rule.why}.`,
        });
      }
    }
  }
  for (const cycle of findFolderCycles(folderEdges)) {
    const first = cycle[0] as string;
    const second = cycle[1] as string;
    const where = folderEdges.get(first)?.get(second);
    violations.push({
      file: where?.file ?? first,
      line: where?.line ?? 1,
      message: `folders import each other: ${[...cycle, first].join(' -> ')}. Move what both need into one of them, or into a folder below both.`,
    });
  }
  return violations;
}

function isExtensionApi(specifier: string): boolean {
  return EXTENSION_API_PACKAGES.some((pattern) => pattern.test(specifier));
}
