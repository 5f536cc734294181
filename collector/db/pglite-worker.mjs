// The PGlite worker's entry. A worker inherits tsx from a parent started by tsx (npm run
// collector), but not from a test runner's process, so it loads its TypeScript itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pglite-worker.ts', import.meta.url);
