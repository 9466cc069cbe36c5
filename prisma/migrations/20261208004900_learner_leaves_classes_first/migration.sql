-- A deleted learner leaves its classes before its answers go. The cascade from "Learner" removes the
-- memberships and the logs (and so the per-learner totals) in an order the database chooses; whichever
-- goes first, the class sums would miss the learner's share. Leaving first takes the share out while the
-- per-learner totals still hold it, and the logs' cascade then finds no class to update.
CREATE TRIGGER "Learner_leave_classes" BEFORE DELETE ON "Learner"
BEGIN
  DELETE FROM "ClassMember" WHERE "learnerId" = OLD."id";
END;
