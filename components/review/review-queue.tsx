"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QuestionRecord } from "@/lib/data/questions";
import { QuestionExtras, TextWithImages } from "../question-extras";

/** Imported questions also carry tags and an explanation. */
type ReviewItem = QuestionRecord & { tagList?: string[]; explanation?: string | null };
import { QuestionEditor, type EditorValue } from "./question-editor";

type Result = { ok: true; count?: number } | { ok: false; message: string };

export type ReviewActions = {
  setStatus: (ids: string[], status: "published" | "rejected" | "draft") => Promise<Result>;
  bulkApprove: (minScore: number, factType: string | null) => Promise<Result>;
  edit: (id: string, value: EditorValue) => Promise<Result>;
};

const FACT_TYPES = ["date", "year", "money", "percent", "quantity", "person", "organization", "place", "term"];

function inContext(text: string, q: QuestionRecord) {
  if (q.sentenceIndex < 0) return null;
  const from = Math.max(0, text.lastIndexOf("\n", q.sentenceStart - 1) + 1, q.sentenceStart - 240);
  const nl = text.indexOf("\n", q.sentenceEnd);
  const to = Math.min(nl < 0 ? text.length : nl, q.sentenceEnd + 240);
  return (
    <p className="context">
      {from > 0 && "… "}
      {text.slice(from, q.sentenceStart)}
      <mark>{text.slice(q.sentenceStart, q.sentenceEnd)}</mark>
      {text.slice(q.sentenceEnd, to)}
      {to < text.length && " …"}
    </p>
  );
}

/**
 * The review queue: j/k move, a approve, r reject, e edit. Statuses change
 * on screen at once and are saved by server actions; a failure is announced.
 */
export function ReviewQueue({
  questions: initial,
  text,
  actions,
}: {
  questions: ReviewItem[];
  text: string;
  actions: ReviewActions;
}) {
  const [questions, setQuestions] = useState(initial);
  const [filter, setFilter] = useState<{ status: string; factType: string; tag: string }>({
    status: "draft",
    factType: "",
    tag: "",
  });
  const allTags = useMemo(() => [...new Set(initial.flatMap((q) => q.tagList ?? []))].sort(), [initial]);
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const [minScore, setMinScore] = useState(0.7);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());

  const shown = useMemo(
    () =>
      questions.filter(
        (q) =>
          (!filter.status || q.status === filter.status) &&
          (!filter.factType || q.factType === filter.factType) &&
          (!filter.tag || (q.tagList ?? []).includes(filter.tag)),
      ),
    [questions, filter],
  );
  const current = shown[Math.min(cursor, shown.length - 1)];

  const setStatus = useCallback(
    async (q: ReviewItem, status: "published" | "rejected") => {
      setQuestions((all) => all.map((x) => (x.id === q.id ? { ...x, status } : x)));
      const result = await actions.setStatus([q.id], status);
      setAnnounce(
        result.ok ? `${status === "published" ? "Approved" : "Rejected"}: ${q.prompt.slice(0, 60)}` : result.message,
      );
      if (!result.ok) setQuestions((all) => all.map((x) => (x.id === q.id ? q : x)));
    },
    [actions],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (editing || e.ctrlKey || e.metaKey || e.altKey) return;
      const tag = (e.target as HTMLElement).tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
      if (e.key === "j") setCursor((c) => Math.min(c + 1, shown.length - 1));
      else if (e.key === "k") setCursor((c) => Math.max(c - 1, 0));
      else if (e.key === "a" && current) void setStatus(current, "published");
      else if (e.key === "r" && current) void setStatus(current, "rejected");
      else if (e.key === "e" && current) setEditing(current.id);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editing, shown.length, current, setStatus]);

  useEffect(() => {
    if (current) itemRefs.current.get(current.id)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const q of questions) c[q.status] = (c[q.status] ?? 0) + 1;
    return c;
  }, [questions]);

  return (
    <div className="review">
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <p className="meta" data-testid="review-counts">
        {counts.draft ?? 0} drafts · {counts.published ?? 0} published · {counts.rejected ?? 0} rejected. Keys: j/k
        move, a approve, r reject, e edit.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="filter-status">Show</label>
          <select
            id="filter-status"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value })}
          >
            <option value="draft">Drafts</option>
            <option value="published">Published</option>
            <option value="rejected">Rejected</option>
            <option value="">All</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-fact">Fact type</label>
          <select
            id="filter-fact"
            value={filter.factType}
            onChange={(e) => setFilter({ ...filter, factType: e.target.value })}
          >
            <option value="">Any</option>
            {FACT_TYPES.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        {allTags.length > 0 && (
          <div className="field">
            <label htmlFor="filter-tag">Tag</label>
            <select id="filter-tag" value={filter.tag} onChange={(e) => setFilter({ ...filter, tag: e.target.value })}>
              <option value="">Any</option>
              {allTags.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="min-score">Approve drafts scoring at least</label>
          <input
            id="min-score"
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={minScore}
            onChange={(e) => setMinScore(Number(e.target.value))}
          />
        </div>
        <button
          type="button"
          className="button"
          onClick={async () => {
            const result = await actions.bulkApprove(minScore, filter.factType || null);
            if (!result.ok) return setAnnounce(result.message);
            setQuestions((all) =>
              all.map((q) =>
                q.status === "draft" && q.score >= minScore && (!filter.factType || q.factType === filter.factType)
                  ? { ...q, status: "published" }
                  : q,
              ),
            );
            setAnnounce(`Approved ${result.count ?? 0} drafts.`);
          }}
        >
          Approve all above score{filter.factType ? ` (${filter.factType})` : ""}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">Nothing here.</p>
      ) : (
        <ol className="question-list">
          {shown.map((q, i) => (
            <li
              key={q.id}
              ref={(el) => {
                if (el) itemRefs.current.set(q.id, el);
              }}
              className={`card question${q === current ? " current" : ""}`}
              aria-current={q === current ? "true" : undefined}
              onClick={() => setCursor(i)}
            >
              <p className="meta">
                <span className={`status status-${q.status}`}>{q.status}</span> · {q.type.replace("_", " ")} ·{" "}
                {q.factType} · score {q.score.toFixed(2)}
              </p>
              {editing === q.id ? (
                <QuestionEditor
                  idPrefix={`edit-${q.id}`}
                  initial={{ ...q, type: q.type as EditorValue["type"] }}
                  onCancel={() => setEditing(null)}
                  onSave={async (value) => {
                    const result = await actions.edit(q.id, value);
                    if (!result.ok) return result.message;
                    setQuestions((all) => all.map((x) => (x.id === q.id ? { ...x, ...value } : x)));
                    setEditing(null);
                    setAnnounce("Saved.");
                    return null;
                  }}
                />
              ) : (
                <>
                  <p className="prompt">
                    <TextWithImages text={q.prompt} documentId={q.documentId} />
                  </p>
                  {q.choices && (
                    <ul className="choices">
                      {q.choices.map((c) => (
                        <li key={c} className={c === q.answer ? "correct" : undefined}>
                          {c}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p>
                    <strong>Answer:</strong> {q.answer}
                  </p>
                  <QuestionExtras tags={q.tagList} explanation={q.explanation} documentId={q.documentId} />
                  {inContext(text, q)}
                  <div className="row-buttons">
                    <button type="button" className="button" onClick={() => setStatus(q, "published")}>
                      Approve
                    </button>
                    <button type="button" className="button secondary" onClick={() => setStatus(q, "rejected")}>
                      Reject
                    </button>
                    <button type="button" className="button secondary" onClick={() => setEditing(q.id)}>
                      Edit
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
