"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { postLive } from "@/lib/client/live-api";

export type DeckOption = { id: string; title: string; questionCount: number };

type Created = { gameId: string; code: string; hostUrl: string };

export function NewGameForm({ decks }: { decks: DeckOption[] }) {
  const router = useRouter();
  const playable = decks.filter((d) => d.questionCount > 0);
  const [deckId, setDeckId] = useState(playable[0]?.id ?? "");
  const [questionCount, setQuestionCount] = useState(10);
  const [seconds, setSeconds] = useState(20);
  const [shuffle, setShuffle] = useState(true);
  const [allowLateJoin, setAllowLateJoin] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deck = playable.find((d) => d.id === deckId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await postLive<Created>((u, i) => fetch(u, i), "/api/live", {
      deckId,
      questionCount,
      secondsPerQuestion: seconds,
      shuffle,
      allowLateJoin,
    });
    if (res.ok) {
      router.push(res.data.hostUrl);
      return;
    }
    setError(res.message);
    setBusy(false);
  };

  if (playable.length === 0) {
    return (
      <p className="notice">No deck has multiple-choice or true/false questions yet. Import some documents first.</p>
    );
  }
  return (
    <form className="live-new-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="live-deck">Deck</label>
      <select id="live-deck" value={deckId} onChange={(e) => setDeckId(e.target.value)}>
        {playable.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title} ({d.questionCount} questions)
          </option>
        ))}
      </select>
      <label htmlFor="live-count">Number of questions</label>
      <input
        id="live-count"
        type="number"
        min={1}
        max={Math.min(50, deck?.questionCount ?? 50)}
        value={questionCount}
        onChange={(e) => setQuestionCount(Number(e.target.value))}
      />
      <label htmlFor="live-seconds">Seconds per question (10–120)</label>
      <input
        id="live-seconds"
        type="number"
        min={10}
        max={120}
        value={seconds}
        onChange={(e) => setSeconds(Number(e.target.value))}
      />
      <label className="checkbox">
        <input type="checkbox" checked={shuffle} onChange={(e) => setShuffle(e.target.checked)} /> Shuffle questions and
        answers
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={allowLateJoin} onChange={(e) => setAllowLateJoin(e.target.checked)} /> Let
        players join after the start
      </label>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating…" : "Create game"}
      </button>
    </form>
  );
}
