"use client";

import type { HostView } from "@/lib/live/host-view";
import { CHOICE_SHAPES, choiceClass } from "./choice-style";
import { Countdown } from "./countdown";

/** Names shown in the lobby; a school assembly's 2,000 would not fit on a screen, the count says the rest. */
const ROSTER_SHOWN = 60;

export function HostLobby({ view, joinUrl, qrDataUrl }: { view: HostView; joinUrl: string; qrDataUrl: string }) {
  const roster = view.lobby ?? [];
  const shown = roster.slice(-ROSTER_SHOWN);
  const joinAt = joinUrl.replace(/^https?:\/\//, "").replace(/\?.*$/, "");
  return (
    <section className="live-lobby" aria-labelledby="join-heading">
      <div className="live-join-info">
        <h2 id="join-heading" className="live-join-at">
          Join at <b>{joinAt}</b>
        </h2>
        <p className="live-code-label">Game code</p>
        <p className="live-code" aria-label={`Game code ${view.code.split("").join(" ")}`} data-testid="join-code">
          {view.code.slice(0, 3)}&nbsp;{view.code.slice(3)}
        </p>
        <h2 className="live-player-count" aria-live="polite">
          {roster.length} {roster.length === 1 ? "player" : "players"}
        </h2>
        <ul className="live-roster" aria-label="Players in the lobby">
          {shown.map((p) => (
            <li key={p.id} className={p.connected ? undefined : "away"}>
              {p.nickname}
            </li>
          ))}
        </ul>
        {roster.length > shown.length && <p className="meta">and {roster.length - shown.length} more (newest shown)</p>}
      </div>
      <figure className="live-qr-figure">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
        <img
          className="live-qr"
          src={qrDataUrl}
          alt="QR code that opens the join page with this game's code"
          width={440}
          height={440}
          data-testid="join-qr"
        />
        <figcaption className="meta">
          Or open <a href={joinUrl}>{joinUrl}</a>
        </figcaption>
      </figure>
    </section>
  );
}

export function HostQuestion({ view, offsetMs }: { view: HostView; offsetMs: number }) {
  const q = view.question;
  if (!q) return null;
  const reveal = view.reveal;
  const tf = q.type === "true_false";
  return (
    <section className="live-host-question" aria-labelledby="host-prompt">
      <div className="live-host-top">
        {view.phase === "question" && (
          <Countdown
            deadline={q.deadline}
            durationMs={q.durationMs}
            offsetMs={offsetMs}
            closed={q.closedAt !== null}
            large
          />
        )}
        <p className="live-answered" role="status" aria-live="polite" data-testid="answered-count">
          {reveal
            ? `${reveal.correctCount} of ${view.playerCount} correct · ${reveal.answeredCount} answered`
            : `${view.answeredCount} of ${view.playerCount} answered`}
        </p>
      </div>
      <h1 id="host-prompt" className="live-prompt">
        {q.prompt}
      </h1>
      {reveal ? (
        <HostDistribution choices={q.choices} trueFalse={tf} reveal={reveal} />
      ) : (
        <ol className={`live-host-choices count-${q.choices.length}`}>
          {q.choices.map((choice, i) => (
            <li key={i} className={choiceClass(i, tf)}>
              <span className="shape" aria-hidden="true">
                {CHOICE_SHAPES[i]}
              </span>
              <span className="text">{choice}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type Reveal = NonNullable<HostView["reveal"]>;

/** The reveal: one bar per choice, in the choice's colour and shape, the correct one marked. */
function HostDistribution({ choices, trueFalse, reveal }: { choices: string[]; trueFalse: boolean; reveal: Reveal }) {
  const most = Math.max(1, ...reveal.distribution);
  return (
    <ol className="live-host-chart" aria-label="Answers per choice">
      {choices.map((choice, i) => {
        const count = reveal.distribution[i] ?? 0;
        const correct = reveal.correctIndex === i;
        return (
          <li
            key={i}
            className={`${choiceClass(i, trueFalse)}${correct ? " correct" : " wrong"}`}
            data-testid={correct ? "correct-choice" : undefined}
          >
            <span className="count">
              {count}
              <span className="visually-hidden">{count === 1 ? " answer" : " answers"}</span>
            </span>
            <span className="bar-area" aria-hidden="true">
              <span className="bar" style={{ height: `${(count / most) * 100}%` }} />
            </span>
            <span className="label">
              <span className="shape" aria-hidden="true">
                {correct ? "✔" : CHOICE_SHAPES[i]}
              </span>
              <span className="text">
                {choice}
                {correct && <span className="visually-hidden"> (correct answer)</span>}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
