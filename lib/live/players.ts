import { DISCONNECT_GRACE_MS } from "./config";
import { LiveError } from "./errors";
import { closeIfAllAnswered, currentRound, tick, touch } from "./game";
import { nicknameKey, normalizeNickname } from "./nickname";
import { toMs, type LiveGame, type Now, type Player } from "./types";

/** Makes an unguessable secret; inject createTokenGenerator() in production, a counter in tests. */
export type TokenGenerator = () => string;

export type JoinResult = { player: Player; resumeToken: string };

/**
 * Adds a player. Checked in this order: finished game, late join not allowed,
 * game full, nickname rules, nickname taken. A player joining mid-question
 * starts at 0 points and may still answer it before its deadline. With
 * `connected: false` the player counts as connected only once setConnected
 * says so (a server whose players connect over a separate stream).
 */
export function joinGame(
  game: LiveGame,
  rawNickname: string,
  now: Now,
  newToken: TokenGenerator,
  options: { connected?: boolean } = {},
): JoinResult {
  const connected = options.connected ?? true;
  const at = toMs(now);
  tick(game, at);
  if (game.phase === "finished") throw new LiveError("game_finished", "This game has already finished.");
  if (game.phase !== "lobby" && !game.config.allowLateJoin) {
    throw new LiveError("late_join_disabled", "This game has already started and does not accept new players.");
  }
  if (game.players.size >= game.config.maxPlayers) throw new LiveError("game_full", "This game is full.");
  const nickname = normalizeNickname(rawNickname);
  const key = nicknameKey(nickname);
  if (game.nicknameKeys.has(key)) {
    throw new LiveError("nickname_taken", "Someone in this game already uses that nickname. Please pick another.");
  }
  const resumeToken = uniqueToken(game, newToken);
  const joinOrder = game.players.size + 1;
  const player: Player = {
    id: `p${joinOrder}`,
    nickname,
    nicknameKey: key,
    resumeToken,
    joinOrder,
    joinedAt: at,
    firstRound: game.phase === "question" ? game.questionIndex : game.questionIndex + 1,
    connected,
    score: 0,
    correctCount: 0,
    roundsPlayed: 0,
    totalResponseMs: 0,
  };
  game.players.set(player.id, player);
  game.playerIdByToken.set(resumeToken, player.id);
  game.nicknameKeys.add(key);
  if (connected) game.connectedCount++;
  touch(game, true);
  return { player, resumeToken };
}

function uniqueToken(game: LiveGame, newToken: TokenGenerator): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = newToken();
    if (token.length >= 8 && !game.playerIdByToken.has(token) && token !== game.hostToken) return token;
  }
  throw new LiveError("token_collision", "Could not create a session for this player. Please try again.");
}

/** The same player (same id, score and current answer) for a token from joinGame. */
export function resumePlayer(game: LiveGame, token: string): Player {
  const id = game.playerIdByToken.get(token);
  const player = id === undefined ? undefined : game.players.get(id);
  if (!player) throw new LiveError("unknown_token", "That session is not part of this game. Please join again.");
  return player;
}

export function getPlayer(game: LiveGame, playerId: string): Player {
  const player = game.players.get(playerId);
  if (!player) throw new LiveError("unknown_player", "That player is not part of this game.");
  return player;
}

/**
 * Records whether a player has a live connection (the server calls this when
 * its stream count for the player goes 0→1 or 1→0). The all-answered early
 * reveal waits for connected players, and for a player who dropped until
 * their grace period (DISCONNECT_GRACE_MS) ends; coming back ends it.
 */
export function setConnected(game: LiveGame, playerId: string, connected: boolean, now: Now): void {
  const at = toMs(now);
  tick(game, at);
  const player = getPlayer(game, playerId);
  if (player.connected === connected) return;
  player.connected = connected;
  game.connectedCount += connected ? 1 : -1;
  const round = currentRound(game);
  if (game.phase === "question" && round?.answers.has(playerId)) {
    round.answeredConnected += connected ? 1 : -1;
  }
  if (connected) game.graceUntil.delete(playerId);
  else game.graceUntil.set(playerId, at + DISCONNECT_GRACE_MS);
  touch(game);
  if (!connected) closeIfAllAnswered(game, at);
}
