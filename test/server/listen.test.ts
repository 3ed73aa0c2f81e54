import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenErrorMessage } from '../../server/listenError.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'salesim-listen-'));

/** Start `server/main.ts` as `npm start` does (without the build) and wait for it to exit. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SALESIM_DB: join(tmp, 'store.db'), SALESIM_WORKERS: '1', SALESIM_QUIET: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within 30 s; stdout: ${stdout}; stderr: ${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}

describe('server start-up errors', () => {
  it('a busy port prints one line naming the port and PORT, and exits 1 without a stack trace', async () => {
    const { server, port } = await occupyPort();
    try {
      const r = await startServer({ PORT: String(port), HOST: '127.0.0.1' });
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toEqual([`salesim server: port ${port} on 127.0.0.1 is in use; stop the other server or set PORT=... (e.g. PORT=${port + 1} npm start)`]);
      expect(r.stdout).not.toMatch(/listening/);
    } finally {
      server.close();
    }
  });

  it('a PORT that is not a port number exits 2 naming PORT, before anything starts', async () => {
    const db = join(tmp, 'never-created.db');
    const r = await startServer({ PORT: '80.5', SALESIM_DB: db });
    expect(r.code).toBe(2);
    expect(existsSync(db)).toBe(false);
    expect(r.stderr.trim()).toBe("salesim server: PORT must be a whole number from 0 to 65535 (got '80.5')");
  });

  it('names the address and what to set for the other listen errors', () => {
    expect(listenErrorMessage({ code: 'EACCES' }, '127.0.0.1', 80)).toBe(
      'salesim server: no permission to listen on 127.0.0.1:80 (ports below 1024 need privileges); set PORT=... to a port above 1023',
    );
    expect(listenErrorMessage({ code: 'EADDRNOTAVAIL' }, '10.9.9.9', 8787)).toMatch(/^salesim server: HOST=10\.9\.9\.9 is not an address of this machine/);
    expect(listenErrorMessage({ code: 'EADDRINUSE' }, '::1', 65535)).toMatch(/port 65535 on ::1 is in use; .*PORT=65534/);
    expect(listenErrorMessage({ code: 'EOTHER', message: 'boom' }, '::1', 8787)).toBe('salesim server: cannot listen on [::1]:8787: boom');
  });
});
