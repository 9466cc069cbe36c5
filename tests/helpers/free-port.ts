import net from "node:net";

/** A port the kernel reports free on the loopback interface (other servers on the machine may hold fixed ones). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("No free port on 127.0.0.1."))));
    });
  });
}
