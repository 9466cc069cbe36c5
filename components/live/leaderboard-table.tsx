import type { LeaderboardEntry } from "@/lib/live/standings";

export const formatAccuracy = (accuracy: number | null) => (accuracy === null ? "–" : `${Math.round(accuracy * 100)}%`);

type Props = { entries: LeaderboardEntry[]; caption: string; highlightId?: string };

/** Points and accuracy side by side but separate: fast guessing earns points, not accuracy. */
export function LeaderboardTable({ entries, caption, highlightId }: Props) {
  return (
    <div className="table-wrap">
      <table className="live-leaderboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Player</th>
            <th scope="col">Points</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.playerId} className={e.playerId === highlightId ? "me" : undefined} data-player={e.nickname}>
              <td>{e.rank}</td>
              <td className="nickname">{e.nickname}</td>
              <td>{e.score}</td>
              <td>
                {formatAccuracy(e.accuracy)}{" "}
                <span className="meta">
                  ({e.correctCount}/{e.roundsPlayed})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
