import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StudyQuestion } from "@/lib/api/study-contract";
import { StudyClient } from "@/components/study/study-client";
import { newCard, question, sessionOf } from "../unit/client/fixtures";

// The real study page client, in a DOM, driven with the keyboard. Only the
// network is replaced: the session, review and undo routes answer from here.

type Sent = { url: string; body: Record<string, unknown> | null };

function serve(q: StudyQuestion) {
  const sent: Sent[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    if (url.startsWith("/api/decks/")) return Response.json(sessionOf([newCard(q)]));
    sent.push({ url, body });
    const card = newCard(q).card;
    if (url.endsWith("/undo")) return Response.json({ card });
    return Response.json(
      {
        status: "stored",
        reviewId: body?.reviewId,
        cardId: "card-1",
        rating: body?.rating ?? "good",
        correct: null,
        card,
      },
      { status: 201 },
    );
  });
  vi.stubGlobal("fetch", fetchFn);
  return { sent, reviews: () => sent.filter((s) => s.url === "/api/reviews").map((s) => s.body!) };
}

async function openDeck() {
  render(<StudyClient deckId="deck-1" />);
  const card = await screen.findByRole("region");
  return { card, phase: () => card.getAttribute("data-phase") };
}

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("study page keys", () => {
  it("Space reveals a flashcard and 1–4 grade it", async () => {
    const net = serve(question("f1", "flashcard"));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    expect(phase()).toBe("question");
    await user.keyboard("3");
    expect(phase()).toBe("question");
    await user.keyboard(" ");
    expect(phase()).toBe("revealed");
    await user.keyboard("4");
    await waitFor(() => expect(net.reviews()).toMatchObject([{ questionId: "f1", rating: "easy" }]));
  });

  it("Enter reveals a flashcard and Enter again grades it Good", async () => {
    const net = serve(question("f2", "flashcard"));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("{Enter}");
    expect(phase()).toBe("revealed");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(net.reviews()).toMatchObject([{ questionId: "f2", rating: "good" }]));
  });

  it("a digit picks a multiple-choice answer, and Enter moves on", async () => {
    const choices = ["Osaka", "Tokyo", "Kyoto", "Nagoya"];
    const net = serve(question("m1", "multiple_choice", { answer: "Tokyo", choices }));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("2");
    expect(phase()).toBe("answered");
    await waitFor(() => expect(net.reviews()).toMatchObject([{ questionId: "m1", response: "Tokyo" }]));
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("region")?.getAttribute("data-phase") ?? "done").not.toBe("answered");
  });

  it("T and F answer a true/false question", async () => {
    const net = serve(question("t1", "true_false", { answer: "true", statementIsTrue: true, choices: null }));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("f");
    expect(phase()).toBe("answered");
    await waitFor(() => expect(net.reviews()).toMatchObject([{ questionId: "t1", response: "false" }]));
  });

  it("R marks a rejected typed answer right: the answer is taken back and sent again with the override", async () => {
    const net = serve(question("c1", "cloze", { prompt: "The summit was held in _____.", answer: "Washington" }));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("Washington DC{Enter}");
    expect(phase()).toBe("answered");
    await waitFor(() => expect(net.reviews()).toHaveLength(1));
    await user.keyboard("r");
    await waitFor(() => expect(net.reviews()).toHaveLength(2));
    expect(net.reviews()[1]).toMatchObject({ questionId: "c1", response: "Washington DC", override: true });
    expect(net.sent.some((s) => s.url.endsWith("/undo"))).toBe(true);
  });

  it("Ctrl+Z undoes the last answer and shows the card again", async () => {
    const net = serve(question("m2", "multiple_choice", { answer: "Tokyo", choices: ["Osaka", "Tokyo"] }));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("1");
    expect(phase()).toBe("answered");
    await waitFor(() => expect(net.reviews()).toHaveLength(1));
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(screen.getByRole("region").getAttribute("data-phase")).toBe("question"));
    expect(net.sent.filter((s) => s.url.endsWith("/undo"))).toHaveLength(1);
  });

  it("keys typed into the answer field are text, not shortcuts", async () => {
    const net = serve(question("c2", "cloze", { prompt: "A _____ test.", answer: "real" }));
    const user = userEvent.setup();
    const { phase } = await openDeck();
    await user.keyboard("1 t");
    expect(phase()).toBe("question");
    expect(screen.getByLabelText("Your answer")).toHaveProperty("value", "1 t");
    expect(net.reviews()).toHaveLength(0);
  });
});
