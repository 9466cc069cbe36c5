// The production server: Next's request handler inside a plain node:http
// server, so the client's address comes from the socket (or, with
// QUARRY_TRUST_PROXY, from the X-Forwarded-For hops those proxies added) and
// never from a header the client wrote. The address reaches route handlers and
// server actions through an AsyncLocalStorage (lib/server/client-address.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import path from "node:path";
import next from "next";
import proxyaddr from "proxy-addr";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);

/** QUARRY_TRUST_PROXY: comma-separated addresses, subnets (CIDR) or loopback/linklocal/uniquelocal. */
function trustFromEnv(value) {
  const list = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (err) {
    console.error(`QUARRY_TRUST_PROXY is not a list of addresses or subnets: ${err.message}`);
    process.exit(1);
  }
}

const trust = trustFromEnv(process.env.QUARRY_TRUST_PROXY);
const requests = new AsyncLocalStorage();
globalThis[Symbol.for("quarry.requestContext")] = requests;

const app = next({ dev: false, dir: root, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

// Players' answers and event streams, served by the app's own handlers without
// Next's router (instrumentation.ts registers them; see lib/server/live/node-routes.ts).
const liveRoutes = () => globalThis[Symbol.for("quarry.liveRoutes")];

const server = http.createServer((req, res) => {
  const address = proxyaddr(req, trust).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  requests.run({ clientAddress: address }, () => {
    const toNext = () =>
      handle(req, res).catch((err) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
        else res.destroy();
      });
    // On a cluster, requests about a game another instance holds are passed on to it.
    if (liveRoutes()?.(req, res, toNext)) return;
    void toNext();
  });
});
// Idle keep-alive connections outlive a proxy's or client's own idle timeout
// (60 s is common), so the server is never the side that closes a socket a
// client is about to reuse.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// Every interface, IPv4 and IPv6, as `next start` does.
server.listen(port, () => {
  console.log(`Quarry is listening on http://localhost:${port}`);
  void warmUp();
});

// Next loads a route's code on its first request, which holds the request
// thread for a second or more (the upload route pulls in the parsers' limits,
// zod schemas, the worker pool). Loading the heavy routes now, with requests
// they refuse (405), keeps that stall out of the first upload or import.
const WARM_ROUTES = ["/api/uploads", "/api/banks/import"];
async function warmUp() {
  for (const route of WARM_ROUTES) {
    await fetch(`http://localhost:${port}${route}`, { signal: AbortSignal.timeout(30_000) })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
