import type { ConflictRecord } from "@/lib/server/authoring";

export function ConflictList({ conflicts }: { conflicts: ConflictRecord[] }) {
  return (
    <ul className="card-list">
      {conflicts.map((c) => (
        <li key={c.id} className="card notice">
          <p>
            <strong>{c.factType}</strong>: the documents disagree — {c.values.map((v) => `“${v}”`).join(" vs ")}.
          </p>
          <ul>
            {c.sources.map((s, i) => (
              <li key={i}>
                {s.sentenceIndex === null ? (
                  s.sentence
                ) : (
                  <a href={`/documents/${s.documentId}#s-${s.sentenceIndex}`}>{s.sentence}</a>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
