/**
 * Live classroom quiz core: a pure state machine (no I/O, no timers, no
 * clock reads). The server layer owns transport, timers (see nextWakeAt),
 * authorization (isHostToken / resumePlayer) and persistence.
 */
export * from "./errors";
export * from "./types";
export * from "./config";
export * from "./scoring";
export * from "./nickname";
export { createGame, tick, nextWakeAt, currentRound } from "./game";
export * from "./host-actions";
export { joinGame, resumePlayer, setConnected } from "./players";
export * from "./answers";
export * from "./standings";
export * from "./report";
export * from "./question-snapshot";
export * from "./player-view";
export * from "./host-view";
export * from "./join-code";
export * from "./clock";
export * from "./pubsub";
export * from "./tokens";
