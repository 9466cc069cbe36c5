import type { GameReport } from "@/lib/live/report";
import { formatAccuracy } from "./leaderboard-table";

const secs = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);

/** Per-player and per-question results; points and accuracy stay separate columns. */
export function ReportTables({ report }: { report: GameReport }) {
  return (
    <>
      <h2>Players</h2>
      <div className="table-wrap">
        <table className="live-report-players">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Player</th>
              <th scope="col">Points</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Answered</th>
              <th scope="col">Avg time</th>
            </tr>
          </thead>
          <tbody>
            {report.players.map((p) => (
              <tr key={p.playerId} data-player={p.nickname}>
                <td>{p.rank}</td>
                <td>{p.nickname}</td>
                <td>{p.score}</td>
                <td>
                  {formatAccuracy(p.accuracy)} ({p.correctCount}/{p.roundsPlayed})
                </td>
                <td>{p.answeredCount}</td>
                <td>{secs(p.averageResponseMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Questions</h2>
      <div className="table-wrap">
        <table className="live-report-questions">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Question</th>
              <th scope="col">Answer</th>
              <th scope="col">Correct</th>
              <th scope="col">Avg time</th>
            </tr>
          </thead>
          <tbody>
            {report.questions.map((q) => (
              <tr key={q.index}>
                <td>{q.index + 1}</td>
                <td>{q.prompt}</td>
                <td>{q.choices[q.correctIndex]}</td>
                <td>
                  {formatAccuracy(q.accuracy)} ({q.correctCount}/{q.playerCount})
                </td>
                <td>{secs(q.averageResponseMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
