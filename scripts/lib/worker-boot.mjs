// Worker-thread entry when running from the TypeScript sources (a checkout, under tsx): worker threads do not
// inherit tsx's loader, so register it here, then start the claim worker. The compiled package starts
// dist/scripts/lib/claim-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./claim-worker.ts');
