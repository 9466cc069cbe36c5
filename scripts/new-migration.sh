#!/usr/bin/env bash
# Writes the next migration for each database from the change to
# prisma/schema.prisma:
#   prisma/migrations/<timestamp>_<name>/migration.sql             (SQLite)
#   prisma/postgresql/migrations/<timestamp>_<name>/migration.sql  (PostgreSQL)
# Each is the diff between the schema as it stood at the commit that last
# added a migration to that history, and the schema now (for PostgreSQL, both
# with the provider swapped by scripts/pg-schema.mjs, which also rewrites
# prisma/postgresql/schema.prisma). A history that is already up to date is
# left alone. `prisma migrate dev` can't be used with the JS engine: it
# replays migrations into a shadow database one statement at a time.
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }

cd "$(dirname "$0")/.."
node scripts/pg-schema.mjs
stamp="$(date -u +%Y%m%d%H%M%S)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# new_migration <migrations dir> <current schema> <DATABASE_URL for the CLI> <convert previous schema?>
new_migration() {
  local dir="$1" schema="$2" url="$3" convert="$4"
  local from=(--from-empty) last_commit
  last_commit="$(git log -1 --format=%H -- "$dir" 2>/dev/null || true)"
  if [[ -n "$last_commit" ]]; then
    local prev="$tmp/prev-$(basename "$(dirname "$dir")").prisma"
    git show "$last_commit:prisma/schema.prisma" > "$prev"
    if [[ "$convert" == yes ]]; then
      node --input-type=module -e "
        import fs from 'node:fs';
        import { toPostgresSchema } from './scripts/pg-schema.mjs';
        fs.writeFileSync(process.argv[1], toPostgresSchema(fs.readFileSync(process.argv[1], 'utf8')));
      " "$prev"
    fi
    from=(--from-schema-datamodel "$prev")
  fi
  local sql
  sql="$(DATABASE_URL="$url" npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$schema" --script)" ||
    { echo "prisma migrate diff failed for $dir" >&2; exit 1; }
  if ! grep -qv '^--' <<<"$sql" || [[ "$sql" == *"This is an empty migration."* ]]; then
    echo "No schema changes for $dir since its last migration." >&2
    return 1
  fi
  mkdir -p "$dir/${stamp}_${name}"
  printf '%s\n' "$sql" > "$dir/${stamp}_${name}/migration.sql"
  echo "Wrote $dir/${stamp}_${name}/migration.sql"
}

wrote=0
new_migration prisma/migrations prisma/schema.prisma "${DATABASE_URL:-file:./data/dev.db}" no && wrote=1
# The CLI connects to a PostgreSQL server even to diff two files: `npm run services` starts one.
new_migration prisma/postgresql/migrations prisma/postgresql/schema.prisma "${QUARRY_DEV_PG_URL:-postgresql://quarry:quarry@localhost:5432/quarry}" yes && wrote=1
((wrote)) || exit 1
