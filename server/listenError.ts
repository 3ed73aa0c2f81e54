/**
 * The one line the server prints when it cannot listen, instead of Node's stack trace: the port or
 * address named, and the environment variable that changes it.
 *
 * @example
 * listenErrorMessage({ code: 'EADDRINUSE' }, '127.0.0.1', 8787)
 * // "salesim server: port 8787 on 127.0.0.1 is in use; stop the other server or set PORT=... (e.g. PORT=8788 npm start)"
 */
export function listenErrorMessage(err: { code?: string; message?: string }, host: string, port: number): string {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return `salesim server: port ${port} on ${host} is in use; stop the other server or set PORT=... (e.g. PORT=${port === 65535 ? port - 1 : port + 1} npm start)`;
    case 'EACCES':
      return `salesim server: no permission to listen on ${where} (ports below 1024 need privileges); set PORT=... to a port above 1023`;
    case 'EADDRNOTAVAIL':
      return `salesim server: HOST=${host} is not an address of this machine; set HOST=127.0.0.1 (loopback) or HOST=0.0.0.0 (every interface)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `salesim server: HOST=${host} does not resolve to an address; set HOST=127.0.0.1 or an address of this machine`;
    default:
      return `salesim server: cannot listen on ${where}: ${err.message ?? err.code ?? 'unknown error'}`;
  }
}
