import { describe, expect, it } from "vitest";
import { answer, startSession } from "@/lib/client/session-model";
import { clearSavedSessions, loadSavedSession, RESUME_MAX_AGE_MS, saveSession } from "@/lib/client/session-resume";
import { later, newCard, question, sessionOf, T0, uuid } from "./fixtures";

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

function midSession() {
  const cards = ["a", "b", "c"].map((id) => newCard(question(id, "flashcard")));
  let model = startSession(sessionOf(cards), T0);
  model = { ...model, phase: "revealed" };
  const input = {
    reviewId: uuid(1),
    rating: "good" as const,
    verdict: "exact" as const,
    correct: true,
    durationMs: 900,
  };
  return answer(model, input, later(1000))!.model;
}

describe("session resume", () => {
  it("gives back the same session, progress and card dates after a reload", () => {
    const storage = new MemoryStorage();
    const model = midSession();
    saveSession(storage, "all", model, later(1000));
    const back = loadSavedSession(storage, "all", later(60_000))!;
    expect(back).toEqual(model);
    expect(back.current!.state.due).toBeInstanceOf(Date);
    expect(back.results).toHaveLength(1);
    expect(back.total).toBe(3);
  });

  it("starts afresh for another deck, after a finished session, or when the save is old", () => {
    const storage = new MemoryStorage();
    const model = midSession();
    saveSession(storage, "all", model, later(0));
    expect(loadSavedSession(storage, "other", later(0))).toBeNull();
    expect(loadSavedSession(storage, "all", later(RESUME_MAX_AGE_MS + 1))).toBeNull();
    saveSession(storage, "all", model, later(0));
    saveSession(storage, "all", { ...model, phase: "done" }, later(0));
    expect(loadSavedSession(storage, "all", later(0))).toBeNull();
  });

  it("is forgotten when the settings change", () => {
    const storage = new MemoryStorage();
    storage.setItem("quarry-review-queue", "{}");
    saveSession(storage, "all", midSession(), later(0));
    saveSession(storage, "doc-1", { ...midSession(), deck: { id: "doc-1", title: "D" } }, later(0));
    clearSavedSessions(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem("quarry-review-queue")).toBe("{}");
  });
});
