import "server-only";

import { getLiveGame, getLiveGameReport } from "@/lib/data/live";
import type { GameStatus } from "@/lib/domain/enums";
import { isHostToken } from "@/lib/live/host-actions";
import { buildReport, type GameReport } from "@/lib/live/report";
import type { LiveQuestion } from "@/lib/live/types";
import { matchesHash } from "./cookies";
import { LiveServiceError } from "./errors";
import { getEntry } from "./registry";
import { tokenKey } from "./restore";
import { reportFromStored } from "./stored-report";

export type HostReport = {
  gameId: string;
  code: string;
  deckTitle: string;
  status: GameStatus;
  createdAt: number;
  report: GameReport;
};

/**
 * The report for the host: from memory while the game is loaded (exact),
 * otherwise rebuilt from the stored rows. Refuses anyone without the game's
 * host token, and says "not found" the same way for a missing game.
 */
export async function loadHostReport(gameId: string, hostToken: string | null): Promise<HostReport> {
  const entry = getEntry(gameId);
  if (entry) {
    if (!hostToken || !isHostToken(entry.game, tokenKey(entry, hostToken))) throw notHost();
    const { game } = entry;
    return {
      gameId,
      code: game.code,
      deckTitle: entry.deckTitle,
      status: game.phase === "finished" ? "finished" : game.phase === "lobby" ? "lobby" : "running",
      createdAt: game.createdAt,
      report: buildReport(game),
    };
  }
  const stored = await getLiveGameReport(gameId);
  if (!stored) throw new LiveServiceError("game_not_found", "That game does not exist.");
  if (!matchesHash(hostToken, stored.game.hostTokenHash)) throw notHost();
  const config = stored.game.config as { secondsPerQuestion?: number } | null;
  const prefix = `${gameId}:`;
  const local = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  return {
    gameId,
    code: stored.game.code,
    deckTitle: stored.game.deckTitle,
    status: "finished",
    createdAt: stored.game.createdAt.getTime(),
    report: reportFromStored({
      questions: (stored.game.questions ?? []) as LiveQuestion[],
      secondsPerQuestion: config?.secondsPerQuestion ?? 20,
      startedAt: stored.game.startedAt?.getTime() ?? null,
      players: stored.players.map((p) => ({ id: local(p.id), nickname: p.nickname, joinedAt: p.joinedAt.getTime() })),
      answers: stored.answers.map((a) => ({ ...a, playerId: local(a.playerId) })),
    }),
  };
}

/** Whether this token opens a game that is no longer in memory (the host page then shows it as ended). */
export async function storedGameForHost(gameId: string, hostToken: string | null) {
  const game = await getLiveGame(gameId);
  if (!game) return null;
  return { game, isHost: matchesHash(hostToken, game.hostTokenHash) };
}

const notHost = () => new LiveServiceError("not_host", "Only the host of this game can see its report.");
