export type StreamStatus = "connecting" | "open" | "reconnecting";
export type StreamFatal = { status: number; code: string; message: string };

type Handlers<V> = {
  onView(view: V): void;
  onStatus(status: StreamStatus): void;
  /** The server refused the stream (not in this game, game gone): retrying would not help. */
  onFatal(error: StreamFatal): void;
};

/**
 * Keeps an EventSource open to a live game. The browser retries dropped
 * connections itself; when it gives up (the server answered an error, or the
 * phone slept), we ask the same URL why: a 4xx is final, anything else means
 * "try again", with backoff, and also as soon as the page is visible or
 * online again. Returns a function that stops it all.
 */
export function connectLiveStream<V>(url: string, handlers: Handlers<V>): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let backoff = 1000;

  const open = () => {
    if (stopped) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    source?.close();
    handlers.onStatus(source ? "reconnecting" : "connecting");
    const es = new EventSource(url);
    source = es;
    es.onopen = () => {
      backoff = 1000;
      handlers.onStatus("open");
    };
    es.onmessage = (event: MessageEvent<string>) => {
      try {
        handlers.onView(JSON.parse(event.data) as V);
      } catch {
        // a malformed frame is skipped; the next snapshot replaces it anyway
      }
    };
    es.onerror = () => {
      if (stopped) return;
      handlers.onStatus("reconnecting");
      if (es.readyState === EventSource.CLOSED) void diagnose();
    };
  };

  const diagnose = async () => {
    const controller = new AbortController();
    try {
      const res = await fetch(url, { signal: controller.signal, cache: "no-store" });
      controller.abort();
      if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        stopped = true;
        source?.close();
        handlers.onFatal({
          status: res.status,
          code: body?.error?.code ?? "refused",
          message: body?.error?.message ?? "This game is no longer available.",
        });
        return;
      }
    } catch {
      // offline: fall through to a retry
    }
    if (stopped) return;
    retryTimer = setTimeout(open, backoff);
    backoff = Math.min(backoff * 2, 15_000);
  };

  const wake = () => {
    if (!stopped && document.visibilityState === "visible" && source?.readyState === EventSource.CLOSED) open();
  };
  document.addEventListener("visibilitychange", wake);
  window.addEventListener("online", wake);
  open();

  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    source?.close();
    document.removeEventListener("visibilitychange", wake);
    window.removeEventListener("online", wake);
  };
}
