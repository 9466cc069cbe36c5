import { splitImageTokens } from "@/lib/interchange/image-token";

/** Question text with its imported images (`[image:NAME]`) drawn from the deck's media. */
export function TextWithImages({ text, documentId }: { text: string; documentId: string }) {
  const parts = splitImageTokens(text);
  if (parts.length === 1 && "text" in parts[0]!) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        "image" in p ? (
          // Imported deck images are served from the API with a fixed image type; no optimisation needed.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            key={i}
            className="question-image"
            src={`/api/media/${encodeURIComponent(documentId)}/${encodeURIComponent(p.image)}`}
            alt={p.image}
          />
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** What a question carries besides its answer: the explanation (shown after answering) and its tags. */
export function QuestionExtras({
  tags,
  explanation,
  documentId,
}: {
  tags?: readonly string[] | null;
  explanation?: string | null;
  documentId: string;
}) {
  if (!explanation && !tags?.length) return null;
  return (
    <div className="question-extras">
      {explanation && (
        <p className="explanation">
          <TextWithImages text={explanation} documentId={documentId} />
        </p>
      )}
      {tags && tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {tags.map((t) => (
            <li key={t} className="tag">
              {t}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
