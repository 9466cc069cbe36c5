"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { HostView } from "@/lib/live/host-view";
import type { PlayerView } from "@/lib/live/player-view";
import { createLiveViewStore, type LiveViewState, type LiveViewStore } from "@/lib/client/live-view-store";

const PlayerContext = createContext<LiveViewStore<PlayerView> | null>(null);
const HostContext = createContext<LiveViewStore<HostView> | null>(null);

/** One store per screen, made on mount, so two games in two tabs never share state. */
export function PlayerStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createLiveViewStore<PlayerView>());
  return <PlayerContext.Provider value={store}>{children}</PlayerContext.Provider>;
}

export function HostStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createLiveViewStore<HostView>());
  return <HostContext.Provider value={store}>{children}</HostContext.Provider>;
}

export function usePlayerStoreApi(): LiveViewStore<PlayerView> {
  const store = useContext(PlayerContext);
  if (!store) throw new Error("usePlayerStoreApi needs a PlayerStoreProvider");
  return store;
}

export function useHostStoreApi(): LiveViewStore<HostView> {
  const store = useContext(HostContext);
  if (!store) throw new Error("useHostStoreApi needs a HostStoreProvider");
  return store;
}

export function usePlayer<T>(selector: (s: LiveViewState<PlayerView>) => T): T {
  return useStore(usePlayerStoreApi(), selector);
}

export function useHost<T>(selector: (s: LiveViewState<HostView>) => T): T {
  return useStore(useHostStoreApi(), selector);
}
