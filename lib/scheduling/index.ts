export * from "./card-state";
export * from "./interval-label";
export * from "./scheduler";
export * from "./settings";
