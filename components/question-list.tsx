import type { QuestionRecord } from "@/lib/server/authoring";

const TYPE_LABEL: Record<string, string> = {
  cloze: "Cloze",
  multiple_choice: "Multiple choice",
  flashcard: "Flashcard",
  true_false: "True/false",
};

export function QuestionList({ questions, documentId }: { questions: QuestionRecord[]; documentId: string }) {
  if (questions.length === 0) return <p className="muted">No questions were generated from this document.</p>;
  return (
    <ol className="question-list">
      {questions.map((q) => (
        <li key={q.id} className="card question" data-question-id={q.id}>
          <p className="meta">
            {TYPE_LABEL[q.type] ?? q.type} · {q.factType} · score {q.score.toFixed(2)}
          </p>
          <p className="prompt">{q.prompt}</p>
          {q.choices && (
            <ul className="choices">
              {q.choices.map((c) => (
                <li key={c} className={c === q.answer ? "correct" : undefined}>
                  {c}
                  {c === q.answer && <span className="visually-hidden"> (correct)</span>}
                </li>
              ))}
            </ul>
          )}
          <p>
            <strong>Answer:</strong> {q.type === "true_false" ? (q.statementIsTrue ? "True" : "False") : q.answer}
          </p>
          <p className="meta">
            <a href={`/documents/${documentId}#s-${q.sentenceIndex}`}>Source: sentence {q.sentenceIndex + 1}</a> — “
            {q.sentence}”
          </p>
        </li>
      ))}
    </ol>
  );
}
