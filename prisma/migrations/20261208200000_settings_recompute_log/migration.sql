-- Every settings recompute that committed (issue 19): the trend charts mark each day a settings
-- change rewrote history, not only the latest (settings_recompute keeps one row, the last).
-- No data_change trigger: the markers are read live (GET /api/settings), never by a response
-- cached per data generation; the recompute's own rewrites move the generation.
CREATE TABLE "settings_recompute_log" (
    "id" BIGSERIAL NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,
    "recomputed" TEXT[],

    CONSTRAINT "settings_recompute_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "settings_recompute_log_finished_at_idx" ON "settings_recompute_log"("finished_at");

-- An upgraded install keeps the marker it showed: its last finished recompute (what it rewrote
-- was cleared from `pending` when it finished, so unknown here).
INSERT INTO "settings_recompute_log" ("finished_at", "version", "recomputed")
SELECT "finished_at", "done_version", NULL FROM "settings_recompute"
WHERE "done_version" > 0 AND "finished_at" IS NOT NULL AND "state" IN ('DONE', 'QUEUED');
