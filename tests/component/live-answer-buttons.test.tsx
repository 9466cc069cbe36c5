import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PlayerView } from "@/lib/live/player-view";
import { PlayerScreen } from "@/components/live/player-screen";

// A player's phone (components/live/player-screen.tsx) in a DOM: the game's
// event stream and the answer route are replaced, the components are real.

/** Stands in for the browser's EventSource; the test pushes views through it. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  push(view: PlayerView) {
    act(() => this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(view) })));
  }
}

function view(overrides: Partial<PlayerView> = {}): PlayerView {
  const now = Date.now();
  return {
    role: "player",
    code: "123456",
    phase: "question",
    version: 1,
    serverNow: now,
    questionIndex: 0,
    questionCount: 3,
    playerCount: 2,
    question: {
      index: 0,
      type: "multiple_choice",
      prompt: "Where did the leaders meet?",
      choices: ["Tokyo", "Washington", "Osaka", "Seoul"],
      startedAt: now,
      deadline: now + 20_000,
      durationMs: 20_000,
      closedAt: null,
    },
    me: { id: "p1", nickname: "Ana", score: 0, rank: 1, accuracy: null, correctCount: 0, roundsPlayed: 0 },
    myAnswer: null,
    result: null,
    leaderboard: null,
    podium: null,
    report: null,
    ...overrides,
  };
}

let answers: Array<{ questionIndex: number; choiceIndex: number }>;
let releaseAnswer: () => void;

beforeEach(() => {
  answers = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === "/api/live/time") return Response.json({ serverNow: Date.now() });
      if (url.endsWith("/answer")) {
        const body = JSON.parse(String(init?.body)) as { questionIndex: number; choiceIndex: number };
        answers.push(body);
        // The reply waits until the test lets it go, so a second tap lands while the first is in flight.
        await new Promise<void>((resolve) => (releaseAnswer = resolve));
        return Response.json({
          view: view({ version: 2, myAnswer: { choiceIndex: body.choiceIndex, responseMs: 900 } }),
        });
      }
      return new Response(null, { status: 404 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function joinGame() {
  render(<PlayerScreen gameId="game-1" code="123456" />);
  FakeEventSource.last!.push(view());
  const group = await screen.findByRole("group", { name: "Answers" });
  return Array.from(group.querySelectorAll("button"));
}

describe("live answer buttons", () => {
  it("a tap sends that choice once, however often it is tapped, and then every button is disabled", async () => {
    const user = userEvent.setup();
    const buttons = await joinGame();
    await user.click(buttons[1]!);
    await user.click(buttons[1]!);
    await user.click(buttons[2]!);
    expect(answers).toEqual([{ questionIndex: 0, choiceIndex: 1 }]);
    expect(buttons[1]!.getAttribute("aria-pressed")).toBe("true");
    await act(async () => releaseAnswer());
    await waitFor(() => expect(buttons.every((b) => b.disabled)).toBe(true));
    expect(screen.getByText(/^Answer locked in: Washington\./)).toBeTruthy();
    await user.click(buttons[0]!);
    expect(answers).toHaveLength(1);
  });

  it("number keys answer too, and a second key press while sending is ignored", async () => {
    const user = userEvent.setup();
    await joinGame();
    await user.keyboard("3");
    await user.keyboard("4");
    expect(answers).toEqual([{ questionIndex: 0, choiceIndex: 2 }]);
    await act(async () => releaseAnswer());
    await waitFor(() =>
      expect(screen.getAllByRole("button").filter((b) => (b as HTMLButtonElement).disabled)).toHaveLength(4),
    );
    await user.keyboard("1");
    expect(answers).toHaveLength(1);
  });

  it("T and F answer a true/false question", async () => {
    const user = userEvent.setup();
    render(<PlayerScreen gameId="game-1" code="123456" />);
    const base = view();
    FakeEventSource.last!.push(
      view({
        question: { ...base.question!, type: "true_false", prompt: "They met in Tokyo.", choices: ["True", "False"] },
      }),
    );
    await screen.findByRole("group", { name: "Answers" });
    await user.keyboard("f");
    expect(answers).toEqual([{ questionIndex: 0, choiceIndex: 1 }]);
    await act(async () => releaseAnswer());
  });

  it("a view that already holds this player's answer (a reconnect) shows it locked", async () => {
    render(<PlayerScreen gameId="game-1" code="123456" />);
    FakeEventSource.last!.push(view({ myAnswer: { choiceIndex: 0, responseMs: 500 } }));
    const group = await screen.findByRole("group", { name: "Answers" });
    const buttons = Array.from(group.querySelectorAll("button"));
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, true, true]);
    expect(buttons[0]!.getAttribute("aria-pressed")).toBe("true");
  });
});
