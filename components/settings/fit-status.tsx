import type { FsrsFitSummary } from "@/lib/server/fsrs-fit";

type Props = {
  summary: {
    reviews: number;
    minReviews: number;
    fittedAt: string | null;
    useFitted: boolean;
    last: FsrsFitSummary | null;
  } | null;
};

const f = (x: number) => x.toFixed(3);

/** How the learner's reviews are scheduled: FSRS defaults, or parameters fitted to their own history. */
export function FitStatus({ summary }: Props) {
  if (!summary || summary.last === null) {
    const reviews = summary?.reviews ?? 0;
    return (
      <p data-testid="fit-status">
        Your reviews are scheduled with FSRS&apos;s default parameters. After about {summary?.minReviews ?? 100} answers
        (you have {reviews}), Quarry fits the parameters to your own history and uses them if they predict your memory
        better.
      </p>
    );
  }
  const last = summary.last;
  if (last.status === "too-few" || !last.fitted || !last.defaults) {
    return (
      <p data-testid="fit-status">
        Your reviews are scheduled with FSRS&apos;s default parameters. The last fit found {last.trainItems} of the{" "}
        {last.needed} later-day reviews it needs to train on; it tries again as you study.
      </p>
    );
  }
  return (
    <div data-testid="fit-status">
      <p>
        {summary.useFitted
          ? "Your reviews are scheduled with FSRS parameters fitted to your own history: they predicted your answers better than the defaults."
          : "FSRS parameters were fitted to your history but did not predict your answers better than the defaults, so the defaults are still used."}
      </p>
      <table className="fit-table">
        <caption>
          Prediction error on {last.testItems} held-out reviews (lower is better), from {last.reviews} answers
        </caption>
        <thead>
          <tr>
            <th scope="col">Parameters</th>
            <th scope="col">Log loss</th>
            <th scope="col">RMSE</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Fitted to you</th>
            <td>{f(last.fitted.logLoss)}</td>
            <td>{f(last.fitted.rmse)}</td>
          </tr>
          <tr>
            <th scope="row">Defaults</th>
            <td>{f(last.defaults.logLoss)}</td>
            <td>{f(last.defaults.rmse)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
