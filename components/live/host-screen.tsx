"use client";

import { useState } from "react";
import type { HostAction } from "@/lib/live/host-actions";
import type { HostView } from "@/lib/live/host-view";
import { postLive } from "@/lib/client/live-api";
import { HostLobby, HostQuestion } from "./host-panels";
import { LeaderboardTable } from "./leaderboard-table";
import { HostStoreProvider, useHost, useHostStoreApi } from "./live-context";
import { Podium } from "./podium";
import { ReportTables } from "./report-tables";
import { useCueSounds, useFullScreen } from "./stage-hooks";
import { useLiveConnection } from "./use-live-connection";

type Props = { gameId: string; joinUrl: string; qrDataUrl: string; deckTitle: string };

export function HostScreen(props: Props) {
  return (
    <HostStoreProvider>
      <HostGame {...props} />
    </HostStoreProvider>
  );
}

function HostGame({ gameId, joinUrl, qrDataUrl, deckTitle }: Props) {
  const store = useHostStoreApi();
  useLiveConnection(store, `/api/live/${gameId}/events?as=host`);
  const view = useHost((s) => s.view);
  const fatal = useHost((s) => s.fatal);
  const connection = useHost((s) => s.connection);
  const offsetMs = useHost((s) => s.offsetMs);
  const notice = useHost((s) => s.notice);

  if (fatal) {
    return (
      <p className="notice" role="alert">
        {fatal.message}
      </p>
    );
  }
  if (!view) return <p aria-live="polite">Connecting to the game…</p>;
  return (
    <div className="live-host live-stage" data-phase={view.phase}>
      <header className="live-host-header">
        <span className="deck">{deckTitle}</span>
        <span className="meta">
          {view.questionIndex >= 0 && view.phase !== "finished"
            ? `Question ${view.questionIndex + 1} of ${view.questionCount} · `
            : ""}
          {view.connectedCount} of {view.playerCount} connected
        </span>
        {connection !== "open" && (
          <span className="live-connection" role="status">
            Reconnecting…
          </span>
        )}
        <StageToggles view={view} />
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <div className="live-stage-body">
        {view.phase === "lobby" && <HostLobby view={view} joinUrl={joinUrl} qrDataUrl={qrDataUrl} />}
        {(view.phase === "question" || view.phase === "reveal") && <HostQuestion view={view} offsetMs={offsetMs} />}
        {view.phase === "leaderboard" && view.leaderboard && (
          <LeaderboardTable
            caption={`Leaderboard after question ${view.questionIndex + 1}`}
            entries={view.leaderboard}
          />
        )}
        {view.phase === "finished" && (
          <>
            <h1>Final results</h1>
            {view.podium && <Podium entries={view.podium} />}
            {view.report && <ReportTables report={view.report} />}
            <p>
              <a className="button secondary" href={`/api/live/${gameId}/report.csv`} download>
                Download CSV
              </a>{" "}
              <a href={`/live/${gameId}/report`}>Report page</a>
            </p>
          </>
        )}
      </div>
      <HostControls view={view} gameId={gameId} />
    </div>
  );
}

/** Full screen (button or F) and sound (off until the host turns it on). */
function StageToggles({ view }: { view: HostView }) {
  const [soundOn, setSoundOn] = useState(false);
  const fullScreen = useFullScreen();
  useCueSounds(soundOn, view.phase, view.questionIndex);
  return (
    <span className="live-stage-toggles">
      <button
        type="button"
        className="button secondary"
        aria-pressed={fullScreen.active}
        aria-keyshortcuts="F"
        onClick={fullScreen.toggle}
      >
        {fullScreen.active ? "Exit full screen" : "Full screen"} <kbd>F</kbd>
      </button>
      <button type="button" className="button secondary" aria-pressed={soundOn} onClick={() => setSoundOn(!soundOn)}>
        Sound {soundOn ? "on" : "off"}
      </button>
    </span>
  );
}

function HostControls({ view, gameId }: { view: HostView; gameId: string }) {
  const store = useHostStoreApi();
  const busy = useHost((s) => s.busy);
  const act = async (action: HostAction["type"]) => {
    if (action === "end" && !window.confirm("End the game for everyone now?")) return;
    const s = store.getState();
    s.setBusy(true);
    s.setNotice(null);
    const res = await postLive<{ view: HostView }>((u, i) => fetch(u, i), `/api/live/${gameId}/host`, { action });
    const after = store.getState();
    if (res.ok) after.receive(res.data.view);
    else after.setNotice(res.message);
    after.setBusy(false);
  };
  const last = view.questionIndex + 1 >= view.questionCount;
  const primary: { action: HostAction["type"]; label: string } | null =
    view.phase === "lobby"
      ? { action: "start", label: "Start" }
      : view.phase === "question"
        ? { action: "close_question", label: "Reveal now" }
        : view.phase === "reveal"
          ? { action: "next", label: "Show leaderboard" }
          : view.phase === "leaderboard"
            ? { action: "next", label: last ? "Finish" : "Next question" }
            : null;
  if (view.phase === "finished") return null;
  return (
    <div className="live-controls">
      {primary && (
        <button
          type="button"
          className="button"
          disabled={busy || (view.phase === "lobby" && view.playerCount === 0)}
          onClick={() => void act(primary.action)}
        >
          {primary.label}
        </button>
      )}
      <button type="button" className="button secondary" disabled={busy} onClick={() => void act("end")}>
        End game
      </button>
    </div>
  );
}
