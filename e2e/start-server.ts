/**
 * Starts `comptoir serve` as a child process on a free port with a fresh SQLite file (the
 * demo is loaded on first start), and stops it. The public URL is passed explicitly because
 * the server checks the Origin of cookie-authenticated writes against it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  /** Everything the server wrote, for failure messages. */
  output(): string;
}

const ROOT = new URL("..", import.meta.url).pathname;

/** A TCP port nobody listens on now (the bench uses it too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `env`: more environment for `comptoir serve` (COMPTOIR_DEMO=off, COMPTOIR_SMTP_URL…). */
export async function startServer(
  options: { env?: Record<string, string | undefined> } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    ["bin/comptoir.js", "serve", "--port", String(port), "--db", join(dir, "comptoir.sqlite")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        COMPTOIR_PUBLIC_URL: url,
        COMPTOIR_LOG: "off",
        PORT: undefined,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`comptoir serve exited:\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`comptoir serve did not answer on ${url}:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
