import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import type { InventorySnapshot, KmsKeyRecord } from "@/lib/domain/records";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { keyPolicyText, legacyKeyContentHash } from "@/lib/store/rows";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, cmk, REGION } from "@/tests/fixtures/records";
import { databaseBefore, type DatabaseBefore } from "./support/upgrade";

// A database from before 20261201000000_key_policy_documents, when every key version held its
// policy: upgrading moves each distinct document to kms_key_policy under the hash the store
// computes, so the next snapshot finds every key unchanged.

const UPGRADE = "20261201000000_key_policy_documents";
const shared = { Version: "2012-10-17", Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }] };
const own = { Version: "2012-10-17", Id: "key-consolepolicy-3", Statement: [{ Sid: "é ✓ \"quoted\"", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }] };
const keys: KmsKeyRecord[] = [cmk("k1", { policy: shared }), cmk("k2", { policy: shared }), cmk("k3", { policy: own }), cmk("k4", { policy: null, policyError: "AccessDeniedException" })];

let scratch: DatabaseBefore;
let db: Db;

beforeAll(async () => {
  scratch = await databaseBefore(UPGRADE, "kmsfinops_upgrade");
  db = createDb(scratch.url, 2);
  // Rows as the store wrote them then: the policy's JSON text in the version, hash of form 2.
  for (const k of keys) {
    await db.$executeRawUnsafe(
      `INSERT INTO kms_key_version (key_arn, account_id, region, key_id, valid_from, content_hash, key_manager, key_state, key_spec,
         key_usage, origin, multi_region, creation_date, aliases, tags, policy, policy_error)
       VALUES ($1, $2, $3, $4, '2026-03-01', $5, 'CUSTOMER', 'Enabled', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'AWS_KMS', false, $6::timestamptz,
         $7::text[], $8::jsonb, $9::json, $10)`,
      k.keyArn, k.accountId, k.region, k.keyId, legacyKeyContentHash(k, "2:"), k.creationDate.toISOString(), k.aliases,
      JSON.stringify(k.tags), k.policy == null ? null : JSON.stringify(k.policy), k.policyError,
    );
  }
  await scratch.migrateRest();
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe(`migration ${UPGRADE}`, () => {
  it("stores each distinct policy once, named by the hash the store computes", async () => {
    const policies = await db.kmsKeyPolicy.findMany({ orderBy: { policyHash: "asc" } });
    const expected = [keyPolicyText(keys[0]!)!, keyPolicyText(keys[2]!)!].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    expect(policies).toEqual(expected.map((p) => ({ policyHash: p.hash, document: JSON.parse(p.text) })));
    const versions = await db.kmsKeyVersion.findMany({ orderBy: { keyId: "asc" }, select: { keyId: true, policyHash: true } });
    expect(versions).toEqual(keys.map((k) => ({ keyId: k.keyId, policyHash: keyPolicyText(k)?.hash ?? null })));
  });

  it("leaves the keys unchanged for the next snapshot", async () => {
    const snapshot: InventorySnapshot = { accountId: ACCOUNT, region: REGION, keys, keyUsage: [], resources: [], warnings: [] };
    const result = await storeInventorySnapshot(db, { day: "2026-03-02", runId: null, snapshot, settings: defaultPolicySettings });
    expect(result.keys).toEqual({ unchanged: 4, changed: 0, added: 0, removed: 0 });
    expect(await db.kmsKeyVersion.count()).toBe(4);
  });
});
