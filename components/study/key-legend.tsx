import type { StudyQuestion } from "@/lib/api/study-contract";
import type { Phase } from "@/lib/client/session-model";

function keysFor(type: StudyQuestion["type"], phase: Phase): Array<[string, string]> {
  if (phase === "answered") return [["Enter / Space", "continue"]];
  if (phase === "revealed") {
    return [
      ["1–4", "Again · Hard · Good · Easy"],
      ["Space", "Good"],
    ];
  }
  switch (type) {
    case "flashcard":
      return [["Space / Enter", "show answer"]];
    case "multiple_choice":
      return [["1–4", "choose"]];
    case "true_false":
      return [["T / F", "true or false"]];
    case "cloze":
      return [["Enter", "check"]];
  }
}

/** A one-line reminder of the shortcuts that work on the current screen. */
export function KeyLegend({ type, phase }: { type: StudyQuestion["type"]; phase: Phase }) {
  const keys: Array<[string, string]> = [...keysFor(type, phase), ["Ctrl/⌘ + Z", "undo"]];
  return (
    <p className="key-legend meta">
      <span className="visually-hidden">Keyboard shortcuts: </span>
      {keys.map(([key, what]) => (
        <span key={key} className="key-legend-item">
          <kbd>{key}</kbd> {what}
        </span>
      ))}
    </p>
  );
}
