// `npm run db:migrate-pg`: applies prisma/postgresql/migrations to the PostgreSQL
// database in DATABASE_URL (scripts/lib/migrate-postgres.ts says how). `npm start`
// runs it in place of `prisma migrate deploy` when DATABASE_URL is postgresql://.
import { databaseProvider, databaseUrl } from "../lib/server/database-url";
import { migratePostgres } from "./lib/migrate-postgres";

const url = databaseUrl();
if (databaseProvider(url) !== "postgresql") {
  console.error("migrate-pg: DATABASE_URL must be a postgresql:// URL");
  process.exit(2);
}
migratePostgres({ url, log: (line) => console.log(line) }).catch((error: Error) => {
  console.error(`migrate-pg: ${error.message}`);
  process.exit(1);
});
