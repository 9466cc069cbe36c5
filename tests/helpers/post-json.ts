import http from "node:http";

export type RawReply = { status: number; body: string; cookies: string[] };

/** POSTs `body` as JSON over `agent` (keep-alive clients for load and multi-instance runs) and reads the reply whole. */
export function postJson(agent: http.Agent, url: string, body: unknown, cookie = ""): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), cookie },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers["set-cookie"] ?? [] }),
      );
    });
    req.on("error", reject);
    req.end(data);
  });
}
