import type { ReactNode } from "react";

export type SentenceView = {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  repeatOf: number | null;
};

/**
 * Renders the document as paragraphs of sentences. Each sentence is an
 * anchor target (#s-<index>) so questions can link to their source; the text
 * between sentences is copied from the original so nothing is lost.
 */
export function DocumentText({
  text,
  sentences,
  questionCounts,
}: {
  text: string;
  sentences: SentenceView[];
  questionCounts?: Map<number, number>;
}) {
  const paragraphs = new Map<number, SentenceView[]>();
  for (const s of sentences) {
    const list = paragraphs.get(s.paragraph) ?? [];
    list.push(s);
    paragraphs.set(s.paragraph, list);
  }
  return (
    <div className="document-text">
      {[...paragraphs.entries()].map(([p, list]) => {
        const parts: ReactNode[] = [];
        list.forEach((s, i) => {
          if (i > 0) parts.push(text.slice(list[i - 1]!.end, s.start));
          parts.push(
            <span
              key={s.index}
              id={`s-${s.index}`}
              className={s.repeatOf === null ? "sentence" : "sentence repeat"}
              title={s.repeatOf === null ? undefined : `Repeats sentence ${s.repeatOf + 1}`}
            >
              {text.slice(s.start, s.end)}
              <a className="sentence-link" href={`#s-${s.index}`} aria-label={`Link to sentence ${s.index + 1}`}>
                {s.index + 1}
              </a>
              {questionCounts && <QuestionCount count={questionCounts.get(s.index) ?? 0} />}
            </span>,
          );
        });
        return <p key={p}>{parts}</p>;
      })}
    </div>
  );
}

function QuestionCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="question-count" title={`${count} questions come from this sentence`}>
      <span aria-hidden="true">{count}Q</span>
      <span className="visually-hidden">{`${count} ${count === 1 ? "question" : "questions"}`}</span>
    </span>
  );
}
