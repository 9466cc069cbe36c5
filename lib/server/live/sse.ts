import "server-only";

import { hostView } from "@/lib/live/host-view";
import { streamClosed, streamOpened } from "./games";
import { playerFrame } from "./frames";
import { afterChange } from "./progress";
import { gameChannel, registry, type GameEntry } from "./registry";

export type Viewer = { role: "host" } | { role: "player"; playerId: string };

const HEARTBEAT_MS = 15_000;
/** Chunks a client may leave unread before we drop it; its EventSource reconnects and gets a fresh snapshot. */
const MAX_BACKLOG = 200;
/** The same bound in bytes, for streams written straight to a socket (node-routes.ts). */
export const MAX_BACKLOG_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next's gzip from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/** Where a viewer's frames go: `write` returns false once the client has fallen too far behind. */
export type FrameSink = { write(text: string): boolean; end(): void };

/**
 * Feeds one viewer's frames into a sink: a snapshot now, then one per game
 * change, each made for this viewer only (a player's snapshot never carries
 * the answer before the reveal). Players' snapshots are a shared part
 * serialised once per change plus a small personal part (frames.ts). Comments
 * keep proxies and phones from timing out. Returns the function that detaches
 * it (call it when the client goes away).
 */
export function attachViewer(entry: GameEntry, viewer: Viewer, sink: FrameSink): () => void {
  let closed = false;
  let lastShared = "";
  let lastPersonal = "";
  const write = (text: string) => {
    if (!closed && !sink.write(text)) detach();
  };
  const sendView = () => {
    const now = Date.now();
    const before = entry.game.version;
    if (viewer.role === "host") {
      write(`data: ${JSON.stringify(hostView(entry.game, now))}\n\n`);
    } else {
      const frame = playerFrame(entry, viewer.playerId, now);
      // Most changes (another player's answer) do not change this player's screen.
      if (frame.shared !== lastShared || frame.personal !== lastPersonal) {
        lastShared = frame.shared;
        lastPersonal = frame.personal;
        write(`data: ${frame.text}\n\n`);
      }
    }
    // A view ticks the game; if that closed a question, run the usual follow-up.
    if (entry.game.version !== before) queueMicrotask(() => afterChange(entry, now));
  };
  const unsubscribe = registry().pubsub.subscribe(gameChannel(entry.id), sendView);
  const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
  function detach() {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (viewer.role === "player") streamClosed(entry, viewer.playerId, Date.now());
    sink.end();
  }
  write("retry: 1500\n\n");
  if (viewer.role === "player") streamOpened(entry, viewer.playerId, Date.now());
  sendView();
  return detach;
}

const encoder = new TextEncoder();

/** The viewer's stream as a Response (route handlers under Next). */
export function openEventStream(request: Request, entry: GameEntry, viewer: Viewer): Response {
  let detach: () => void = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      detach = attachViewer(entry, viewer, {
        write(text) {
          if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) return false;
          try {
            controller.enqueue(encoder.encode(text));
            return true;
          } catch {
            return false;
          }
        },
        end() {
          if (ended) return;
          ended = true;
          request.signal.removeEventListener("abort", detach);
          try {
            controller.close();
          } catch {
            // already closed by the runtime
          }
        },
      });
      request.signal.addEventListener("abort", detach);
    },
    cancel() {
      detach();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
