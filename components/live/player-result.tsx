import type { PlayerView } from "@/lib/live/player-view";
import { formatAccuracy } from "./leaderboard-table";

/** The player's outcome for the revealed question, read out politely. */
export function PlayerResult({ view }: { view: PlayerView }) {
  const { result, question, me } = view;
  let text = "";
  if (result && question) {
    const right = question.choices[result.correctIndex] ?? "";
    text = !result.answered
      ? `No answer this time. The answer was ${right}.`
      : result.correct
        ? `Correct! +${result.points} points.`
        : `Not quite. The answer was ${right}.`;
  }
  return (
    <div className="live-result" role="status" aria-live="polite" aria-atomic="true">
      {result && (
        <p className={`verdict ${result.correct ? "good" : "bad"}`} data-testid="player-verdict">
          {text}
        </p>
      )}
      <p className="live-me-stats">
        <span data-testid="my-score">{me.score}</span> points · rank <span data-testid="my-rank">{me.rank}</span> of{" "}
        {view.playerCount} · accuracy {formatAccuracy(me.accuracy)}
      </p>
    </div>
  );
}
