#!/usr/bin/env node
// The package's CLI door. Node 24 runs the TypeScript sources directly (type stripping),
// so there is no build step between a checkout and a running server.
import { sizeThreadPool } from '../src/server/platform/thread-pool.ts';

sizeThreadPool(); // before any module can start the thread pool
await import('../src/server/main.ts');
