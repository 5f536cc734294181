import { resolve } from 'node:path';
import { checkArchitecture } from './architecture/check-architecture';

// `npm run lint` runs this after Biome: the import rules of ARCHITECTURE.md, enforced.
// Usage: tsx scripts/check-architecture.ts [root]
const root = resolve(process.argv[2] ?? '.');
const violations = checkArchitecture(root);
for (const violation of violations) {
  console.error(`${violation.file}:${violation.line}  ${violation.message}`);
}
if (violations.length > 0) {
  console.error(
    `\n${violations.length} import${violations.length === 1 ? '' : 's'} break the architecture (ARCHITECTURE.md).`,
  );
  process.exit(1);
}
console.log('Architecture: every import keeps to ARCHITECTURE.md.');
