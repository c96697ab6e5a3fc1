import fs from 'node:fs';
import net from 'node:net';

/**
 * The embedded database's owner listens on a Unix socket in DATA_DIR (mode 0600: only the operator who runs the
 * server can use it), so the command-line tool can act on a running server's database without opening it twice.
 */
export interface ControlRequest {
  argv: string[];
}
export interface ControlResponse {
  ok: boolean;
  output: string;
}

export function startControlServer(socketPath: string, handle: (req: ControlRequest) => Promise<ControlResponse>): Promise<net.Server> {
  if (fs.existsSync(socketPath)) fs.unlinkSync(socketPath);
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (data) => {
      buffer += data;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      let request: ControlRequest;
      try {
        request = JSON.parse(buffer.slice(0, end)) as ControlRequest;
      } catch {
        socket.end(`${JSON.stringify({ ok: false, output: 'malformed request' })}\n`);
        return;
      }
      handle(request)
        .catch((err: unknown) => ({ ok: false, output: err instanceof Error ? err.message : String(err) }))
        .then((response) => socket.end(`${JSON.stringify(response)}\n`));
    });
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      fs.chmodSync(socketPath, 0o600);
      resolve(server);
    });
  });
}

export function sendControl(socketPath: string, request: ControlRequest): Promise<ControlResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (d) => (buffer += d));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(buffer) as ControlResponse);
      } catch {
        reject(new Error('the running server gave no answer'));
      }
    });
    socket.on('error', reject);
  });
}
