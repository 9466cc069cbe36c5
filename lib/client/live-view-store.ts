import { createStore, type StoreApi } from "zustand/vanilla";
import type { StreamFatal, StreamStatus } from "./live-stream";

/**
 * State behind a live screen (host or player): the latest snapshot from the
 * server, the device's clock offset and the connection. Snapshots arrive
 * from the stream and from POST replies, possibly out of order, so an older
 * version never replaces a newer one.
 */
export type LiveViewState<V extends { version: number }> = {
  view: V | null;
  offsetMs: number;
  connection: StreamStatus;
  fatal: StreamFatal | null;
  /** A refusal or network problem from the last action, shown until the next one. */
  notice: string | null;
  busy: boolean;
  receive(view: V): void;
  setOffset(offsetMs: number): void;
  setConnection(connection: StreamStatus): void;
  setFatal(fatal: StreamFatal): void;
  setNotice(notice: string | null): void;
  setBusy(busy: boolean): void;
};

export type LiveViewStore<V extends { version: number }> = StoreApi<LiveViewState<V>>;

export function createLiveViewStore<V extends { version: number }>(): LiveViewStore<V> {
  return createStore<LiveViewState<V>>()((set, get) => ({
    view: null,
    offsetMs: 0,
    connection: "connecting",
    fatal: null,
    notice: null,
    busy: false,
    receive: (view) => {
      const current = get().view;
      if (!current || view.version >= current.version) set({ view });
    },
    setOffset: (offsetMs) => set({ offsetMs }),
    setConnection: (connection) => set({ connection }),
    setFatal: (fatal) => set({ fatal }),
    setNotice: (notice) => set({ notice }),
    setBusy: (busy) => set({ busy }),
  }));
}
