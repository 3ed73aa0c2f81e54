#!/usr/bin/env node
// `npm install` (prepare): builds native/trim, the server's binding of glibc's malloc_trim
// (server/trimWhenIdle.ts says why), with the node-gyp that npm ships. It is optional: where it cannot be
// built (no C compiler, no Node headers, not glibc), this prints one line and the install goes on; the
// server then runs without giving freed memory back after a burst of requests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../native/trim', import.meta.url));
if (process.platform !== 'linux') process.exit(0);
// npm sets npm_config_node_gyp inside its scripts; outside them, node-gyp from PATH
const gyp = process.env.npm_config_node_gyp;
const cmd = gyp ? [process.execPath, gyp] : ['node-gyp'];
const args = ['rebuild', '--loglevel=error'];
// the Node headers: the configured nodedir (Debian's node has them in /usr), else node-gyp's own lookup
if (process.env.npm_config_nodedir) args.push(`--nodedir=${process.env.npm_config_nodedir}`);
const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { cwd: dir, encoding: 'utf8' });
if (r.status === 0 && existsSync(join(dir, 'build', 'Release', 'trim.node'))) process.exit(0);
const why = (r.error?.message ?? (r.stderr || r.stdout || '').trim().split('\n').filter(Boolean).pop() ?? `exit ${r.status}`).slice(0, 200);
process.stdout.write(`salesim: native/trim was not built (${why}); the server will not give freed memory back after bursts of requests (docs/server.md)\n`);
