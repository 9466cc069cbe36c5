"use client";

import { useEffect } from "react";
import { measureClockOffset } from "@/lib/client/live-clock";
import { connectLiveStream } from "@/lib/client/live-stream";
import type { LiveViewStore } from "@/lib/client/live-view-store";

/** Syncs the clock, then keeps the game's event stream feeding the store until unmount. */
export function useLiveConnection<V extends { version: number }>(store: LiveViewStore<V>, url: string): void {
  useEffect(() => {
    const s = store.getState();
    let active = true;
    void measureClockOffset((input, init) => fetch(input, init)).then((offset) => {
      if (active) store.getState().setOffset(offset);
    });
    const stop = connectLiveStream<V>(url, {
      onView: s.receive,
      onStatus: s.setConnection,
      onFatal: s.setFatal,
    });
    return () => {
      active = false;
      stop();
    };
  }, [store, url]);
}
