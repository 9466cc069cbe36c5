import type { StudyQuestion } from "@/lib/api/study-contract";

/** The sentence a question came from, linked to its place in the document. */
export function SourceLink({ question }: { question: StudyQuestion }) {
  return (
    <figure className="study-source">
      <blockquote>{question.sentence}</blockquote>
      <figcaption className="meta">
        <a href={`/documents/${encodeURIComponent(question.documentId)}#s-${question.sentenceIndex}`}>
          Source: {question.documentTitle}, sentence {question.sentenceIndex + 1}
        </a>
      </figcaption>
    </figure>
  );
}
