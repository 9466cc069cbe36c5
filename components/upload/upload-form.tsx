"use client";

import Link from "next/link";
import { useState } from "react";
import { UPLOAD_STAGES, type UploadEvent } from "@/lib/api/uploads";

type FileState = {
  stage: string;
  fraction: number;
  status: "working" | "done" | "duplicate" | "failed";
  message?: string;
  documentId?: string;
  questions?: number;
};

const STAGE_LABEL: Record<string, string> = {
  reading: "Reading",
  parsing: "Parsing",
  extracting: "Extracting text",
  saving: "Saving",
  generating: "Generating questions",
};

/** Overall share of the work done for one file: each stage is an equal slice. */
function overall(s: FileState): number {
  if (s.status !== "working") return 1;
  const i = UPLOAD_STAGES.indexOf(s.stage as (typeof UPLOAD_STAGES)[number]);
  return i < 0 ? 0 : (i + s.fraction) / UPLOAD_STAGES.length;
}

export function UploadForm({ accept, maxFiles }: { accept: string; maxFiles: number }) {
  const [files, setFiles] = useState<Map<string, FileState>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);

  function apply(e: UploadEvent) {
    if (e.type === "finished") {
      setSummary(`${e.added} added, ${e.failed} could not be used.`);
      return;
    }
    if (e.type === "failed" && !e.file) return setError(e.message);
    setFiles((prev) => {
      const next = new Map(prev);
      if (e.type === "accepted")
        for (const f of e.files) next.set(f, { stage: "reading", fraction: 0, status: "working" });
      else if (e.type === "progress") next.set(e.file, { ...next.get(e.file)!, stage: e.stage, fraction: e.fraction });
      else if (e.type === "done")
        next.set(e.file, {
          stage: "generating",
          fraction: 1,
          status: "done",
          documentId: e.documentId,
          questions: e.questions,
        });
      else if (e.type === "duplicate")
        next.set(e.file, {
          stage: "reading",
          fraction: 1,
          status: "duplicate",
          message: e.message,
          documentId: e.documentId,
        });
      else if (e.type === "failed")
        next.set(e.file, {
          stage: "reading",
          fraction: 1,
          status: "failed",
          message: e.message,
          documentId: e.documentId,
        });
      return next;
    });
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSummary(null);
    setFiles(new Map());
    const form = new FormData(event.currentTarget);
    const chosen = form.getAll("files").filter((f) => f instanceof File && f.name);
    // An empty file input still submits one nameless, empty file; send only real ones.
    form.delete("files");
    for (const f of chosen) form.append("files", f);
    if (chosen.length > maxFiles) return setError(`Choose at most ${maxFiles} files at a time.`);
    if (chosen.length === 0 && !String(form.get("pasteText") ?? "").trim()) {
      return setError("Choose at least one file, or paste some text.");
    }
    setBusy(true);
    try {
      const res = await fetch("/api/uploads", { method: "POST", body: form });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? `The upload failed (${res.status}).`);
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) apply(JSON.parse(line) as UploadEvent);
      }
    } catch {
      setError("The connection dropped during the upload. Files already marked done were saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={submit} className="stack-form">
        <div className="field">
          <label htmlFor="files">Files (PDF, Word .docx, web page .html, .txt or .md; up to 10 MB each)</label>
          <input id="files" name="files" type="file" multiple accept={accept} />
        </div>
        <details>
          <summary>Or paste text</summary>
          <div className="field">
            <label htmlFor="pasteTitle">Title</label>
            <input id="pasteTitle" name="pasteTitle" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="pasteText">Text</label>
            <textarea id="pasteText" name="pasteText" rows={8} />
          </div>
        </details>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Working…" : "Upload and generate questions"}
        </button>
      </form>
      {files.size > 0 && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">Progress</h2>
          <ul className="card-list" aria-live="polite">
            {[...files.entries()].map(([name, s]) => (
              <li key={name} className="card upload-item" data-status={s.status}>
                <p>
                  <strong>{name}</strong>{" "}
                  <span className="meta">
                    {s.status === "working"
                      ? STAGE_LABEL[s.stage]
                      : s.status === "done"
                        ? "Done"
                        : s.status === "duplicate"
                          ? "Already uploaded"
                          : "Not used"}
                  </span>
                </p>
                <progress
                  max={100}
                  value={Math.round(overall(s) * 100)}
                  aria-label={`${name}: ${Math.round(overall(s) * 100)}%`}
                />
                {s.message && <p className={s.status === "failed" ? "form-error" : "meta"}>{s.message}</p>}
                {s.status === "done" && s.documentId && (
                  <p>
                    {s.questions} draft questions. <Link href={`/documents/${s.documentId}/review`}>Review them</Link>
                  </p>
                )}
                {s.status === "failed" && s.documentId && (
                  <p>
                    <Link href={`/documents/${s.documentId}`}>Retry or delete it</Link>
                  </p>
                )}
                {s.status === "duplicate" && s.documentId && (
                  <p>
                    <Link href={`/documents/${s.documentId}/review`}>Open the earlier copy</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
          {summary && <p role="status">{summary}</p>}
        </section>
      )}
    </>
  );
}
