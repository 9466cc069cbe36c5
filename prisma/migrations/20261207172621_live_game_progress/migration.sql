-- AlterTable
ALTER TABLE "LiveGame" ADD COLUMN "progress" JSONB;
