-- Workers beat on the units they are running; a unit whose beat is stale lost its worker and is
-- failed within minutes instead of after the 6-hour queue lease.
ALTER TABLE "ingestion_unit" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3);
