import net from "node:net";

/** True when nothing listens on host:port yet. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the system reports free, never one of `avoid` (5432 belongs to a system Postgres). */
export async function findFreePort(avoid: number[] = [5432]): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen({ port: 0, host: "127.0.0.1" }, () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : 0;
        server.close(() => resolve(chosen));
      });
    });
    if (port > 0 && !avoid.includes(port)) return port;
  }
}

export interface WaitForPortOptions {
  host?: string;
  timeoutMs?: number;
  /** Polled between attempts: stop waiting (without error) once it returns true. */
  isAborted?: () => boolean;
}

/** Resolves once something accepts TCP connections on host:port, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, options: WaitForPortOptions = {}): Promise<void> {
  const { host = "127.0.0.1", timeoutMs = 120_000, isAborted = () => false } = options;
  const deadline = Date.now() + timeoutMs;
  while (!isAborted()) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
