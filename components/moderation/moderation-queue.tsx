"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QuestionRecord } from "@/lib/server/authoring";
import { FACT_TYPES, type ModerationStatus } from "@/lib/domain/enums";
import { groupByNote } from "@/lib/study/siblings";
import { QuestionExtras, TextWithImages } from "../question-extras";
import { QuestionEditor, type EditorValue } from "./question-editor";

/** Imported questions also carry tags and an explanation. */
type ReviewItem = QuestionRecord & { tagList?: string[]; explanation?: string | null };

type Result = { ok: true; count?: number } | { ok: false; message: string };
type Status = ModerationStatus;

export type ReviewActions = {
  setStatus: (ids: string[], status: Status) => Promise<Result>;
  bulkApprove: (minScore: number, factType: string | null) => Promise<Result>;
  edit: (id: string, value: EditorValue) => Promise<Result>;
};

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

/** What approving a note does: its drafts are published; variants switched off stay off. */
function approveTargets(variants: QuestionRecord[]) {
  return variants.filter((v) => v.status === "draft");
}

/**
 * The review queue, one card per note (a fact) with its variants (cloze,
 * multiple choice, flashcard, true/false). j/k move between notes, a approves
 * the note, r rejects it, e edits its first variant; each variant can be
 * edited, or switched off and on. Statuses change on screen at once and are
 * saved by server actions; a failure is announced and undone.
 */
export function ModerationQueue({
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

  // A note is shown when any of its variants matches the filter, with all its variants for context.
  const notes = useMemo(
    () =>
      groupByNote(questions).filter(({ variants }) =>
        variants.some(
          (q) =>
            (!filter.status || q.status === filter.status) &&
            (!filter.factType || q.factType === filter.factType) &&
            (!filter.tag || (q.tagList ?? []).includes(filter.tag)),
        ),
      ),
    [questions, filter],
  );
  const current = notes[Math.min(cursor, notes.length - 1)];

  const changeStatus = useCallback(
    async (targets: QuestionRecord[], status: Status, label: string) => {
      if (targets.length === 0) return setAnnounce(`Nothing to change: ${label.toLowerCase()}.`);
      const ids = new Set(targets.map((t) => t.id));
      setQuestions((all) => all.map((x) => (ids.has(x.id) ? { ...x, status } : x)));
      const result = await actions.setStatus([...ids], status);
      setAnnounce(result.ok ? `${label}: ${targets[0]!.prompt.slice(0, 60)}` : result.message);
      if (!result.ok) setQuestions((all) => all.map((x) => targets.find((t) => t.id === x.id) ?? x));
    },
    [actions],
  );
  const approveNote = useCallback(
    (variants: QuestionRecord[]) => changeStatus(approveTargets(variants), "published", "Approved"),
    [changeStatus],
  );
  const rejectNote = useCallback(
    (variants: QuestionRecord[]) =>
      changeStatus(
        variants.filter((v) => v.status !== "rejected"),
        "rejected",
        "Rejected",
      ),
    [changeStatus],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (editing || e.ctrlKey || e.metaKey || e.altKey) return;
      const tag = (e.target as HTMLElement).tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
      if (e.key === "j") setCursor((c) => Math.min(c + 1, notes.length - 1));
      else if (e.key === "k") setCursor((c) => Math.max(c - 1, 0));
      else if (e.key === "a" && current) void approveNote(current.variants);
      else if (e.key === "r" && current) void rejectNote(current.variants);
      else if (e.key === "e" && current) setEditing(current.variants[0]!.id);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editing, notes.length, current, approveNote, rejectNote]);

  useEffect(() => {
    if (current) itemRefs.current.get(current.key)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const q of questions) c[q.status] = (c[q.status] ?? 0) + 1;
    return c;
  }, [questions]);
  const noteCount = useMemo(() => groupByNote(questions).length, [questions]);

  return (
    <div className="review">
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <p className="meta" data-testid="review-counts">
        {counts.draft ?? 0} drafts · {counts.published ?? 0} published · {counts.rejected ?? 0} rejected, in {noteCount}{" "}
        notes. Keys: j/k move between notes, a approve the note, r reject it, e edit.
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
      {notes.length === 0 ? (
        <p className="muted">Nothing here.</p>
      ) : (
        <ol className="question-list">
          {notes.map(({ key, variants }, i) => {
            const first = variants[0]!;
            return (
              <li
                key={key}
                ref={(el) => {
                  if (el) itemRefs.current.set(key, el);
                }}
                className={`card note${current?.key === key ? " current" : ""}`}
                aria-current={current?.key === key ? "true" : undefined}
                onClick={() => setCursor(i)}
              >
                <p className="meta">
                  Note · {first.factType} · answer <strong>{first.type === "true_false" ? "" : first.answer}</strong> ·{" "}
                  {variants.length} {variants.length === 1 ? "variant" : "variants"}
                </p>
                {inContext(text, first)}
                <div className="row-buttons">
                  <button type="button" className="button" onClick={() => approveNote(variants)}>
                    Approve note
                  </button>
                  <button type="button" className="button secondary" onClick={() => rejectNote(variants)}>
                    Reject note
                  </button>
                </div>
                <ul className="variant-list">
                  {variants.map((q) => (
                    <li key={q.id} className={`question variant status-box-${q.status}`}>
                      <p className="meta">
                        <span className={`status status-${q.status}`}>
                          {q.status === "rejected" ? "off" : q.status}
                        </span>{" "}
                        · {q.type.replace("_", " ")} · score {q.score.toFixed(2)}
                      </p>
                      {editing === q.id ? (
                        <QuestionEditor
                          idPrefix={`edit-${q.id}`}
                          focusOnOpen
                          initial={q}
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
                          <div className="row-buttons">
                            <button type="button" className="button secondary" onClick={() => setEditing(q.id)}>
                              Edit
                            </button>
                            {q.status === "rejected" ? (
                              <button
                                type="button"
                                className="button secondary"
                                onClick={() =>
                                  changeStatus(
                                    [q],
                                    variants.some((v) => v.status === "published") ? "published" : "draft",
                                    "Switched on",
                                  )
                                }
                              >
                                Switch on
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button secondary"
                                onClick={() => changeStatus([q], "rejected", "Switched off")}
                              >
                                Switch off
                              </button>
                            )}
                          </div>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
