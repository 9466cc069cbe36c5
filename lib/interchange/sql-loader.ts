import initSqlJs, { type SqlJsStatic } from "sql.js";

/** Passed through to sql.js, e.g. `locateFile` when a bundler moves sql-wasm.wasm. */
export type SqlJsConfig = Parameters<typeof initSqlJs>[0];

let loaded: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic> {
  if (config) return initSqlJs(config);
  loaded ??= initSqlJs().catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  return loaded;
}
