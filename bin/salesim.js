#!/usr/bin/env node
// The installed `salesim` command: runs the CLI through tsx so the TypeScript sources are the single truth.
import { register } from 'tsx/esm/api';
register();
await import('../cli/index.ts');
