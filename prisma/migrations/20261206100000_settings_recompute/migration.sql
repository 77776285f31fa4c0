-- The recompute a settings save asks for (issue 17): PUT /api/settings stores the settings and
-- queues the rollups.recompute job, which rewrites history and rollups in one transaction. One
-- row, polled by the Settings page. No data_change trigger: its state is not a dashboard figure,
-- and a trigger would move the data generation (and drop every cached answer) on each poll-visible
-- state change; the figures the recompute writes move it themselves when they commit.
CREATE TYPE "SettingsRecomputeState" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

CREATE TABLE "settings_recompute" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "state" "SettingsRecomputeState" NOT NULL,
    "requested_version" INTEGER NOT NULL,
    "done_version" INTEGER NOT NULL DEFAULT 0,
    "pending" TEXT[],
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "settings_recompute_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "settings_recompute_one_row" CHECK ("id" = 1)
);
