import { describe, expect, it } from "vitest";
import { joinGame, nicknameKey, normalizeNickname } from "@/lib/live";
import { T0, counterTokens, expectLiveError, makeGame } from "./helpers";

describe("normalizeNickname", () => {
  it("trims and collapses inner whitespace", () => {
    expect(normalizeNickname("  Ada   Lovelace ")).toBe("Ada Lovelace");
  });

  it("rejects empty and all-whitespace names", () => {
    expectLiveError(() => normalizeNickname(""), "nickname_empty");
    expectLiveError(() => normalizeNickname("   \u3000 "), "nickname_empty");
  });

  it("accepts 20 characters and rejects 21", () => {
    expect(normalizeNickname("a".repeat(20))).toBe("a".repeat(20));
    expectLiveError(() => normalizeNickname("a".repeat(21)), "nickname_too_long");
  });

  it("counts an emoji, including ZWJ sequences and flags, as one character", () => {
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
    expect(normalizeNickname(`Sam ${family}`)).toBe(`Sam ${family}`);
    expect(normalizeNickname("\u{1F1EF}\u{1F1F5}".repeat(20))).toHaveLength(80);
    expect(normalizeNickname(`${"b".repeat(19)}\u{1F600}`)).toBe(`${"b".repeat(19)}\u{1F600}`);
    expectLiveError(() => normalizeNickname(`${"b".repeat(20)}\u{1F600}`), "nickname_too_long");
  });

  it("counts a letter with combining accents as one character", () => {
    const e = "e\u0301"; // NFC turns this into é anyway
    expect(normalizeNickname(e.repeat(20))).toBe("\u00e9".repeat(20));
  });

  it("rejects zero-width, bidi and control characters", () => {
    expectLiveError(() => normalizeNickname("Ann\u200Ba"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("\u200B"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("Ann\u202Ea"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("Ann\u0007"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("Ann\nBob"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("An\uFEFFna"), "nickname_invalid_chars");
    // String trimming treats a leading BOM as whitespace: it is dropped, not kept hidden.
    expect(normalizeNickname("\uFEFFAnna")).toBe("Anna");
    expectLiveError(() => normalizeNickname("\u3164"), "nickname_invalid_chars");
    // A ZWJ between letters is hidden text, unlike inside an emoji sequence.
    expectLiveError(() => normalizeNickname("An\u200Dna"), "nickname_invalid_chars");
  });

  it("rejects markup characters", () => {
    expectLiveError(() => normalizeNickname("<b>Bo</b>"), "nickname_invalid_chars");
    expectLiveError(() => normalizeNickname("<script>"), "nickname_invalid_chars");
    expect(normalizeNickname("Tom & Jerry")).toBe("Tom & Jerry");
  });

  it("folds case for uniqueness", () => {
    expect(nicknameKey("ANNA")).toBe(nicknameKey("anna"));
    expect(nicknameKey("Straße")).toBe(nicknameKey("STRASSE"));
  });
});

describe("nicknames in a game", () => {
  it("refuses a duplicate that differs only by case or spacing", () => {
    const game = makeGame();
    const tokens = counterTokens();
    joinGame(game, "Anna", T0, tokens);
    expectLiveError(() => joinGame(game, "aNNA", T0, tokens), "nickname_taken");
    expectLiveError(() => joinGame(game, "  ANNA ", T0, tokens), "nickname_taken");
    expect(joinGame(game, "Anna B", T0, tokens).player.nickname).toBe("Anna B");
    expect(game.players.size).toBe(2);
  });

  it("stores a rejected join nowhere", () => {
    const game = makeGame();
    expectLiveError(() => joinGame(game, "x".repeat(21), T0, counterTokens()), "nickname_too_long");
    expect(game.players.size).toBe(0);
    expect(game.nicknameKeys.size).toBe(0);
  });
});
