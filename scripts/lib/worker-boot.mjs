// Worker-thread entry: registers the TypeScript loader (as bin/transformer-ot-verify.js does for the main
// thread; harmless when the parent already runs under tsx) and starts the claim worker.
import { register } from 'tsx/esm/api';

register();
await import('./claim-worker.ts');
