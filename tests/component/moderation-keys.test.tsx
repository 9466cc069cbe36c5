import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ModerationQueue, type ReviewActions } from "@/components/moderation/moderation-queue";
import type { QuestionType } from "@/lib/domain/enums";

// The teacher's moderation of drafts (components/review/review-queue.tsx),
// rendered for real: j/k move between notes, a approves, r rejects, e edits.

const TEXT = "Ishiba met Trump in Washington. They spoke for two hours.";

function draft(
  id: string,
  noteId: string,
  sentence: [number, number],
  extra: { type?: QuestionType; factType?: string } = {},
) {
  return {
    id,
    noteId,
    documentId: "doc-1",
    type: "flashcard" as QuestionType,
    prompt: `Prompt ${id}`,
    answer: `Answer ${id}`,
    choices: null,
    statementIsTrue: null,
    factType: "place",
    sentenceIndex: 0,
    sentenceStart: sentence[0],
    sentenceEnd: sentence[1],
    sentence: TEXT.slice(...sentence),
    score: 0.8,
    status: "draft",
    origin: "generated",
    ...extra,
  };
}

const QUESTIONS = [
  draft("a-cloze", "note-a", [0, 31], { type: "cloze" }),
  draft("a-card", "note-a", [0, 31]),
  draft("b-card", "note-b", [32, 58], { factType: "quantity" }),
];

function setup() {
  const actions: ReviewActions = {
    setStatus: vi.fn<ReviewActions["setStatus"]>(async (ids) => ({ ok: true, count: ids.length })),
    bulkApprove: vi.fn<ReviewActions["bulkApprove"]>(async () => ({ ok: true, count: 0 })),
    edit: vi.fn<ReviewActions["edit"]>(async () => ({ ok: true })),
  };
  render(<ModerationQueue questions={QUESTIONS} text={TEXT} actions={actions} />);
  const current = () => document.querySelector("li.note[aria-current='true']")?.textContent ?? "";
  return { actions, current, user: userEvent.setup() };
}

describe("moderation keys", () => {
  it("j and k move between notes, not past either end", async () => {
    const { current, user } = setup();
    expect(current()).toContain("Prompt a-cloze");
    await user.keyboard("j");
    expect(current()).toContain("Prompt b-card");
    await user.keyboard("j");
    expect(current()).toContain("Prompt b-card");
    await user.keyboard("k");
    await user.keyboard("k");
    expect(current()).toContain("Prompt a-cloze");
  });

  it("a approves every draft variant of the current note", async () => {
    const { actions, user } = setup();
    await user.keyboard("a");
    expect(actions.setStatus).toHaveBeenCalledWith(["a-cloze", "a-card"], "published");
    await waitFor(() => expect(screen.getByTestId("review-counts").textContent).toMatch(/^1 drafts · 2 published/));
  });

  it("r rejects the current note after moving to it", async () => {
    const { actions, user } = setup();
    await user.keyboard("jr");
    expect(actions.setStatus).toHaveBeenCalledWith(["b-card"], "rejected");
  });

  it("a failed save is announced and the status put back", async () => {
    const { actions, user } = setup();
    vi.mocked(actions.setStatus).mockResolvedValueOnce({ ok: false, message: "Could not save." });
    await user.keyboard("a");
    await waitFor(() => expect(screen.getByText("Could not save.")).toBeTruthy());
    expect(screen.getByTestId("review-counts").textContent).toMatch(/^3 drafts · 0 published/);
  });

  it("e opens the editor, and keys typed there stay in the editor", async () => {
    const { actions, user } = setup();
    await user.keyboard("e");
    const prompt = await screen.findByDisplayValue("Prompt a-cloze");
    await user.type(prompt, " ar");
    expect(actions.setStatus).not.toHaveBeenCalled();
  });
});
