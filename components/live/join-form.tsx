"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MAX_NICKNAME_LENGTH } from "@/lib/live/nickname";
import { postLive } from "@/lib/client/live-api";

type Joined = { gameId: string; code: string; playUrl: string };

export function JoinForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await postLive<Joined>((u, i) => fetch(u, i), "/api/live/join", { code, nickname });
    if (res.ok) {
      router.push(res.data.playUrl);
      return;
    }
    setError(res.message);
    setBusy(false);
  };

  return (
    <form className="live-join-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="join-code">Game code</label>
      <input
        id="join-code"
        name="code"
        inputMode="numeric"
        autoComplete="off"
        placeholder="123 456"
        maxLength={9}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        aria-describedby={error ? "join-error" : undefined}
      />
      <label htmlFor="join-nickname">Nickname</label>
      <input
        id="join-nickname"
        name="nickname"
        autoComplete="nickname"
        maxLength={MAX_NICKNAME_LENGTH * 4}
        value={nickname}
        onChange={(e) => setNickname(e.target.value)}
        required
        aria-describedby={error ? "join-error" : "nickname-hint"}
      />
      <p id="nickname-hint" className="meta">
        Up to {MAX_NICKNAME_LENGTH} characters. Everyone in the room will see it.
      </p>
      {error && (
        <p id="join-error" className="notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button live-big-button" disabled={busy}>
        {busy ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
