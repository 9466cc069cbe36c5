import type { LeaderboardEntry } from "@/lib/live/standings";
import { formatAccuracy } from "./leaderboard-table";

const PLACES = ["1st", "2nd", "3rd"];

export function Podium({ entries }: { entries: LeaderboardEntry[] }) {
  return (
    <ol className="live-podium" aria-label="Podium">
      {entries.map((e, i) => (
        <li key={e.playerId} className={`place-${i + 1}`}>
          <span className="place">{PLACES[i]}</span>
          <span className="nickname">{e.nickname}</span>
          <span className="meta">
            {e.score} points · {formatAccuracy(e.accuracy)} correct
          </span>
        </li>
      ))}
    </ol>
  );
}
