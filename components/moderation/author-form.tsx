"use client";

import { useState } from "react";
import { QuestionEditor, type EditorValue } from "./question-editor";

type Result = { ok: true } | { ok: false; message: string };

/** Writing a question by hand; the form resets after each save. */
export function AuthorForm({ onCreate }: { onCreate: (value: EditorValue) => Promise<Result> }) {
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div>
      <p role="status" className="form-ok">
        {saved}
      </p>
      <QuestionEditor
        key={round}
        idPrefix={`author-${round}`}
        withFactType
        initial={{ type: "flashcard", prompt: "", answer: "", choices: null, statementIsTrue: null, factType: "term" }}
        onSave={async (value) => {
          const result = await onCreate(value);
          if (!result.ok) return result.message;
          setSaved("Question added and published.");
          setRound((r) => r + 1);
          return null;
        }}
      />
    </div>
  );
}
