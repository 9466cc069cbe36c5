import { spawn, type ChildProcess } from "node:child_process";

export type Server = { baseUrl: string; pid: number; stop: () => Promise<void>; output: () => string };

/**
 * Starts a server command in its own process group (next start forks workers,
 * so stopping signals the whole group) and waits until `healthPath` answers 200.
 */
export async function startServer(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; port: number; healthPath: string; timeoutMs: number },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const server: Server = { baseUrl, pid: child.pid ?? 0, stop: () => stopGroup(child), output: () => log };
  try {
    await waitForHealth(`${baseUrl}${opts.healthPath}`, child, opts.timeoutMs);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\nServer output:\n${log.split("\n").slice(-30).join("\n")}`);
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}) before ${url} answered.`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s.`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  signalGroup("SIGKILL"); // any worker left behind by the leader
}
