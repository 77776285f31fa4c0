-- Key policies stored once per distinct document instead of in every key version: most keys of an
-- account share the console default or one of a few policies, and at ~1 kB a document was most
-- of a key version's bytes (bench/store.ts, BENCHMARKS.md "Store throughput"). A version names its
-- policy by the sha256 (base64) of the document's JSON text, the hash lib/store/rows.ts computes
-- (of the text's UTF-8 bytes): the stored json keeps the text as it was written, so the hash
-- of a moved document is the one the next snapshot computes.

-- CreateTable
CREATE TABLE "kms_key_policy" (
    "policy_hash" TEXT NOT NULL,
    "document" JSON NOT NULL,

    CONSTRAINT "kms_key_policy_pkey" PRIMARY KEY ("policy_hash")
);

-- Move the documents out of the versions.
ALTER TABLE "kms_key_version" ADD COLUMN "policy_hash" TEXT;

UPDATE "kms_key_version" SET "policy_hash" = encode(sha256(convert_to("policy"::text, 'UTF8')), 'base64')
WHERE "policy" IS NOT NULL;

INSERT INTO "kms_key_policy" ("policy_hash", "document")
SELECT DISTINCT ON ("policy_hash") "policy_hash", "policy" FROM "kms_key_version" WHERE "policy" IS NOT NULL;

ALTER TABLE "kms_key_version" DROP COLUMN "policy";

-- AddForeignKey
ALTER TABLE "kms_key_version" ADD CONSTRAINT "kms_key_version_policy_hash_fkey" FOREIGN KEY ("policy_hash") REFERENCES "kms_key_policy"("policy_hash") ON DELETE RESTRICT ON UPDATE CASCADE;
