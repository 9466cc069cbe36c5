#!/usr/bin/env bash
# Creates prisma/migrations/<timestamp>_<name>/migration.sql by diffing
# prisma/schema.prisma against the schema as it stood at the commit that added
# the newest migration. `prisma migrate dev` can't be used with the JS engine:
# it replays migrations into a shadow database one statement at a time.
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }

cd "$(dirname "$0")/.."
from=(--from-empty)
prev=""
last_commit="$(git log -1 --format=%H -- prisma/migrations 2>/dev/null || true)"
if [[ -n "$last_commit" ]]; then
  prev="$(mktemp --suffix=.prisma)"
  trap 'rm -f "$prev"' EXIT
  git show "$last_commit:prisma/schema.prisma" > "$prev"
  from=(--from-schema-datamodel "$prev")
fi

sql="$(npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script)"
if ! grep -qv '^--' <<<"$sql" || [[ "$sql" == *"This is an empty migration."* ]]; then
  echo "No schema changes since the last migration." >&2
  exit 1
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Wrote $dir/migration.sql"
