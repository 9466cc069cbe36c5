"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import type { PlayerView } from "@/lib/live/player-view";
import { postLive } from "@/lib/client/live-api";
import { AnswerButtons } from "./answer-buttons";
import { Countdown } from "./countdown";
import { LeaderboardTable } from "./leaderboard-table";
import { PlayerStoreProvider, usePlayer, usePlayerStoreApi } from "./live-context";
import { PlayerResult } from "./player-result";
import { Podium } from "./podium";
import { useLiveConnection } from "./use-live-connection";

type Props = { gameId: string; code: string };

export function PlayerScreen(props: Props) {
  return (
    <PlayerStoreProvider>
      <PlayerGame {...props} />
    </PlayerStoreProvider>
  );
}

function PlayerGame({ gameId, code }: Props) {
  const store = usePlayerStoreApi();
  useLiveConnection(store, `/api/live/${gameId}/events?as=player`);
  const view = usePlayer((s) => s.view);
  const fatal = usePlayer((s) => s.fatal);
  const connection = usePlayer((s) => s.connection);
  const notice = usePlayer((s) => s.notice);

  if (fatal) {
    return (
      <div className="notice" role="alert">
        <p>{fatal.message}</p>
        <p>
          <Link href={`/join?code=${code}`}>Join again</Link>
        </p>
      </div>
    );
  }
  if (!view) return <p aria-live="polite">Connecting to the game…</p>;
  return (
    <div className="live-player" data-phase={view.phase}>
      <header className="live-player-header">
        <span className="nickname" data-testid="my-nickname">
          {view.me.nickname}
        </span>
        <span className="meta">
          {view.questionIndex >= 0 && view.phase !== "finished"
            ? `Question ${view.questionIndex + 1} of ${view.questionCount}`
            : `Game ${code}`}
        </span>
        {connection !== "open" && (
          <span className="live-connection" role="status">
            Reconnecting…
          </span>
        )}
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <PhaseBody view={view} gameId={gameId} />
    </div>
  );
}

function PhaseBody({ view, gameId }: { view: PlayerView; gameId: string }) {
  switch (view.phase) {
    case "lobby":
      return (
        <div className="live-waiting">
          <h1>You&apos;re in!</h1>
          <p>Waiting for the host to start. {view.playerCount} playing.</p>
        </div>
      );
    case "question":
      return <PlayerQuestion view={view} gameId={gameId} />;
    case "reveal":
    case "leaderboard":
      return (
        <>
          <PlayerResult view={view} />
          {view.leaderboard && (
            <LeaderboardTable
              caption="Leaderboard"
              entries={mergeMe(view.leaderboard.top, view.leaderboard.me)}
              highlightId={view.me.id}
            />
          )}
          <p className="meta">Waiting for the next question…</p>
        </>
      );
    case "finished":
      return (
        <>
          <h1>Game over</h1>
          <PlayerResult view={{ ...view, result: null }} />
          {view.podium && <Podium entries={view.podium} />}
          {view.leaderboard && (
            <LeaderboardTable
              caption="Final leaderboard"
              entries={mergeMe(view.leaderboard.top, view.leaderboard.me)}
              highlightId={view.me.id}
            />
          )}
        </>
      );
  }
}

function mergeMe<T extends { playerId: string }>(top: T[], me: T): T[] {
  return top.some((e) => e.playerId === me.playerId) ? top : [...top, me];
}

function PlayerQuestion({ view, gameId }: { view: PlayerView; gameId: string }) {
  const store = usePlayerStoreApi();
  const offsetMs = usePlayer((s) => s.offsetMs);
  const busy = usePlayer((s) => s.busy);
  const [pending, setPending] = useState<{ question: number; choice: number } | null>(null);
  const question = view.question;
  const questionIndex = view.questionIndex;

  const choose = useCallback(
    async (choiceIndex: number) => {
      const s = store.getState();
      if (s.busy || s.view?.myAnswer) return;
      s.setBusy(true);
      s.setNotice(null);
      setPending({ question: questionIndex, choice: choiceIndex });
      const res = await postLive<{ view: PlayerView }>((u, i) => fetch(u, i), `/api/live/${gameId}/answer`, {
        questionIndex,
        choiceIndex,
      });
      const after = store.getState();
      if (res.ok) after.receive(res.data.view);
      else {
        after.setNotice(res.message);
        if (res.code !== "duplicate_answer") setPending(null);
      }
      after.setBusy(false);
    },
    [store, gameId, questionIndex],
  );

  if (!question) return null;
  const mine = view.myAnswer?.choiceIndex ?? (pending?.question === questionIndex ? pending.choice : null);
  const locked = view.myAnswer !== null;
  return (
    <div className="live-question">
      <Countdown
        deadline={question.deadline}
        durationMs={question.durationMs}
        offsetMs={offsetMs}
        closed={question.closedAt !== null}
      />
      <h1 className="live-prompt">{question.prompt}</h1>
      <AnswerButtons question={question} chosen={mine} disabled={locked || busy} onChoose={choose} />
      <p className="live-status" role="status" aria-live="polite">
        {locked && mine !== null ? `Answer locked in: ${question.choices[mine] ?? ""}. Wait for the reveal.` : ""}
      </p>
    </div>
  );
}
