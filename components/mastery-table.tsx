import Link from "next/link";
import type { ProgressReport } from "@/lib/server/progress";

/** A card counts as mastered in review state with FSRS stability of at least 21 days. */
export function MasteryTable({ rows }: { rows: ProgressReport["mastery"] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Mastery per document</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Studied</th>
            <th scope="col">Mastered</th>
            <th scope="col">Mastery</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const pct = r.total ? Math.round((100 * r.mastered) / r.total) : 0;
            return (
              <tr key={r.documentId}>
                <th scope="row">
                  <Link href={`/decks/${r.documentId}`}>{r.title}</Link>
                </th>
                <td>
                  {r.studied} of {r.total}
                </td>
                <td>{r.mastered}</td>
                <td>
                  <meter min={0} max={100} value={pct} aria-label={`${r.title}: ${pct}% mastered`} /> {pct}%
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
