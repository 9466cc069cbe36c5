"use client";

import Link from "next/link";
import { useState } from "react";

type Issue = { line?: number; record?: number; message: string };
type Outcome =
  | {
      ok: true;
      status: "created" | "duplicate" | "updated";
      deckId: string;
      documentId: string;
      title: string;
      count: number;
      skipped: Array<{ record: number; reason: string }>;
      report: string[];
    }
  | { ok: false; message: string; errors: Issue[]; report: string[] };

export function BankImportForm() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  // The last file sent, so "Update that deck" can send it again without choosing it twice.
  const [lastFile, setLastFile] = useState<File | null>(null);

  async function send(body: FormData) {
    setBusy(true);
    setOutcome(null);
    try {
      const res = await fetch("/api/banks/import", { method: "POST", body });
      const json = await res.json();
      setOutcome(
        res.ok
          ? { ok: true, ...json }
          : {
              ok: false,
              message: json.error?.message ?? `Import failed (${res.status}).`,
              errors: json.error?.errors ?? [],
              report: json.error?.report ?? [],
            },
      );
    } catch {
      setOutcome({ ok: false, message: "The connection dropped; nothing was imported.", errors: [], report: [] });
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get("file");
    setLastFile(file instanceof File ? file : null);
    await send(body);
  }

  async function updateDeck(deckId: string) {
    if (!lastFile) return;
    const body = new FormData();
    body.set("file", lastFile);
    body.set("updateDeckId", deckId);
    await send(body);
  }

  return (
    <>
      <form onSubmit={submit} className="stack-form">
        <div className="field">
          <label htmlFor="bank-file">Bank file (.json, .csv, .gift or .txt, .apkg)</label>
          <input id="bank-file" name="file" type="file" accept=".json,.csv,.tsv,.gift,.txt,.apkg" required />
          <p className="meta">
            Files are read by their content: Anki packages and text exports, Quizlet exports, Moodle GIFT, CSV in any
            encoding and Quarry JSON.
          </p>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </button>
      </form>
      {outcome?.ok === true && outcome.status === "duplicate" && (
        <div role="status" className="card notice">
          <p>
            This file was imported before, as <Link href={`/decks/${outcome.deckId}`}>“{outcome.title}”</Link>. Nothing
            was added.
          </p>
          <button type="button" className="button secondary" disabled={busy} onClick={() => updateDeck(outcome.deckId)}>
            Update that deck from this file
          </button>
        </div>
      )}
      {outcome?.ok === true && outcome.status !== "duplicate" && (
        <div role="status" className="card">
          <p>
            {outcome.status === "updated"
              ? `Updated “${outcome.title}”: ${outcome.count} new questions.`
              : `Imported ${outcome.count} questions as “${outcome.title}”.`}{" "}
            <Link href={`/decks/${outcome.deckId}`}>Open the deck</Link> ·{" "}
            <Link href={`/documents/${outcome.documentId}/review`}>Review them</Link>
          </p>
          <ImportReport lines={outcome.report} />
        </div>
      )}
      {outcome?.ok === false && (
        <div role="alert" className="card notice">
          <p>
            <strong>{outcome.message}</strong>
          </p>
          {outcome.report[0] && <p className="meta">{outcome.report[0]}</p>}
          <ul>
            {outcome.errors.map((e, i) => (
              <li key={i}>
                {e.line !== undefined ? `Line ${e.line}: ` : e.record !== undefined ? `Record ${e.record}: ` : ""}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** What the file was read as, what was imported, changed and skipped: one line each, details indented. */
function ImportReport({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="import-report" aria-label="Import report">
      {lines.map((line, i) => (
        <li key={i} className={line.startsWith("  ") ? "detail" : undefined}>
          {line.trim()}
        </li>
      ))}
    </ul>
  );
}
