import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/random";
import { importContent } from "@/lib/server/import-content";
import { playerCookieName } from "@/lib/server/live/cookies";
import { createQuiz, hostCommand, joinByCode } from "@/lib/server/live/games";
import { serveLiveRequest } from "@/lib/server/live/node-routes";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

let base = "";
const server = http.createServer((req, res) => {
  if (!serveLiveRequest(req, res)) res.writeHead(418).end();
});
let tokenCounter = 0;
const newToken = () => `direct-token-${++tokenCounter}-padding`;

beforeAll(async () => {
  await importContent(path.resolve("content"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function runningGame() {
  const now = Date.now();
  const { entry } = await createQuiz(
    { deckId: "sample", questionCount: 2, secondsPerQuestion: 60, shuffle: false, allowLateJoin: false },
    null,
    new Date(now),
    { random: seededRandom(3), seed: 3, newToken },
    { viewer: { user: null, learnerId: null } },
  );
  const ana = await joinByCode(entry.game.code, "Ana", () => null, null, now, newToken);
  const cookie = `other=1; ${playerCookieName(entry.id)}=${ana.resumeToken}`;
  return { entry, ana, cookie };
}

/** Reads SSE `data:` frames until `until` accepts one. */
function readFrames(url: string, cookie: string, until: (view: { phase: string }) => boolean) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; views: { phase: string }[] }>(
    (resolve, reject) => {
      const req = http.get(url, { headers: { cookie } }, (res) => {
        const views: { phase: string }[] = [];
        let buffer = "";
        if (res.statusCode !== 200) return resolve({ status: res.statusCode ?? 0, headers: res.headers, views });
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!event.startsWith("data: ")) continue;
            const view = JSON.parse(event.slice(6)) as { phase: string };
            views.push(view);
            if (until(view)) {
              req.destroy();
              resolve({ status: 200, headers: res.headers, views });
            }
          }
        });
      });
      req.on("error", reject);
    },
  );
}

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("the direct live paths (answers and event streams outside Next's router)", () => {
  it("streams a player's snapshots and takes their answer, with the security headers", async () => {
    const { entry, ana, cookie } = await runningGame();
    const stream = readFrames(`${base}/api/live/${entry.id}/events?as=player`, cookie, (v) => v.phase === "question");
    hostCommand(entry, { type: "start" }, Date.now());
    const { status, headers, views } = await stream;
    expect(status).toBe(200);
    expect(headers["content-type"]).toContain("text/event-stream");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(views.at(-1)?.phase).toBe("question");

    const q0 = entry.game.questions[0]!;
    const res = await post(
      `${base}/api/live/${entry.id}/answer`,
      JSON.stringify({ questionIndex: 0, choiceIndex: q0.correctIndex }),
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const body = (await res.json()) as { view: { me: { answer: { answered: boolean } | null } } };
    expect(entry.game.rounds[0]?.answers.get(ana.player.id)?.choiceIndex).toBe(q0.correctIndex);
    expect(JSON.stringify(body.view)).toContain('"answered":true');
  });

  it("refuses what the route handlers refuse, with the same codes", async () => {
    const { entry, cookie } = await runningGame();
    hostCommand(entry, { type: "start" }, Date.now());
    const answerUrl = `${base}/api/live/${entry.id}/answer`;
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

    const noCookie = await post(answerUrl, JSON.stringify({ questionIndex: 0, choiceIndex: 0 }), {});
    expect(noCookie.status).toBe(403);
    const huge = await post(answerUrl, JSON.stringify({ questionIndex: 0, choiceIndex: 0, pad: "x".repeat(40_000) }), {
      cookie,
    });
    expect(huge.status).toBe(413);
    const crossSite = await post(answerUrl, "{}", { cookie, origin: "https://evil.example" });
    expect([crossSite.status, await code(crossSite)]).toEqual([403, "cross_site"]);
    const valid = JSON.stringify({ questionIndex: 0, choiceIndex: 0 });
    const unknownGame = await post(`${base}/api/live/nosuchgame0000/answer`, valid, { cookie });
    expect([unknownGame.status, await code(unknownGame)]).toEqual([404, "game_not_found"]);
    const escaped = await post(`${base}/api/live/%2e%2e%2fx/answer`, valid, { cookie });
    expect(escaped.status).toBe(404);

    const stranger = await readFrames(`${base}/api/live/${entry.id}/events?as=host`, cookie, () => true);
    expect(stranger.status).toBe(403);
    const other = await fetch(`${base}/api/live/${entry.id}/report.csv`);
    expect(other.status).toBe(418); // not a direct path: left to Next
  });
});
