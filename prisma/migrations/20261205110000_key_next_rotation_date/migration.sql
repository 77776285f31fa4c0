-- GetKeyRotationStatus NextRotationDate per key version (issue 13 item 13): the key detail's next
-- rotation came from last rotation + period, which is wrong after an on-demand rotation. Existing
-- versions stay null here; the next inventory snapshot fills the current ones in place (their
-- content hash is upgraded to form 4 at the same time, lib/store/rows.ts), opening no version.
ALTER TABLE "kms_key_version" ADD COLUMN "next_rotation_date" TIMESTAMPTZ(3);
