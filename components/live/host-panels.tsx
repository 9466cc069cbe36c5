"use client";

import type { HostView } from "@/lib/live/host-view";
import { Countdown } from "./countdown";

export function HostLobby({ view, joinUrl, qrDataUrl }: { view: HostView; joinUrl: string; qrDataUrl: string }) {
  const roster = view.lobby ?? [];
  return (
    <section className="live-lobby" aria-labelledby="join-heading">
      <div className="live-join-info">
        <h2 id="join-heading">Join at {joinUrl.replace(/\?.*$/, "")}</h2>
        <p className="live-code" aria-label={`Game code ${view.code.split("").join(" ")}`} data-testid="join-code">
          {view.code.slice(0, 3)} {view.code.slice(3)}
        </p>
        <p className="meta">
          Or open <a href={joinUrl}>{joinUrl}</a>
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
        <img
          className="live-qr"
          src={qrDataUrl}
          alt="QR code that opens the join page with this game's code"
          width={220}
          height={220}
        />
      </div>
      <div>
        <h2 aria-live="polite">
          {roster.length} {roster.length === 1 ? "player" : "players"}
        </h2>
        <ul className="live-roster" aria-label="Players in the lobby">
          {roster.map((p) => (
            <li key={p.id} className={p.connected ? undefined : "away"}>
              {p.nickname}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function HostQuestion({ view, offsetMs }: { view: HostView; offsetMs: number }) {
  const q = view.question;
  if (!q) return null;
  const reveal = view.reveal;
  const total = reveal ? reveal.distribution.reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="live-host-question" aria-labelledby="host-prompt">
      {view.phase === "question" && (
        <Countdown
          deadline={q.deadline}
          durationMs={q.durationMs}
          offsetMs={offsetMs}
          closed={q.closedAt !== null}
          large
        />
      )}
      <h1 id="host-prompt" className="live-prompt">
        {q.prompt}
      </h1>
      <ol className={`live-host-choices${reveal ? " revealed" : ""}`}>
        {q.choices.map((choice, i) => {
          const count = reveal?.distribution[i] ?? 0;
          const correct = reveal?.correctIndex === i;
          return (
            <li
              key={i}
              className={`choice-${i}${correct ? " correct" : ""}`}
              data-testid={correct ? "correct-choice" : undefined}
            >
              <span className="text">
                {choice}
                {correct && <span className="visually-hidden"> (correct answer)</span>}
              </span>
              {reveal && (
                <span className="live-bar">
                  <span style={{ width: `${total ? (count / total) * 100 : 0}%` }} aria-hidden="true" />
                  <b>{count}</b>
                  <span className="visually-hidden">{count === 1 ? " answer" : " answers"}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="live-answered" role="status" aria-live="polite" data-testid="answered-count">
        {reveal
          ? `${reveal.correctCount} of ${view.playerCount} correct · ${reveal.answeredCount} answered`
          : `${view.answeredCount} of ${view.playerCount} answered`}
      </p>
    </section>
  );
}
