import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { EncryptionClass, StorageResourceRecord, Tags } from "@/lib/domain/records";
import { defaultPolicySettings, type PolicySettings } from "@/lib/settings/policy";
import { deriveResourceColumns } from "@/lib/store/derive";
import { refreshNonCompliantSince } from "@/lib/store/non-compliant-since";
import { recomputeResourceDerived } from "@/lib/store/recompute-derived";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, volume } from "../fixtures/records";
import { resetTables, testDb } from "./support/db";

// The settings re-derive of resource versions runs set-based: one derivation per distinct
// combination of what it reads (five tags, encryption class, key state), joined back to every
// version. It must write exactly what the per-row derivation the ingestion uses would: tag
// values trimmed as JS trims them (Unicode spaces too), non-string JSON values ignored, an
// absent key state apart from an empty one.

const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const CC = "cost-center";
const settings: PolicySettings = { ...defaultPolicySettings, businessUnitTagKey: CC };

/** name → [tags as stored (any JSON), encryption class, key state]. */
const VERSIONS: Record<string, [unknown, EncryptionClass, string | null]> = {
  padded: [{ [CC]: "  CC-1 ", env: "prod" }, "NONE", null],
  number: [{ [CC]: 42, env: "dev", "data-classification": "confidential" }, "SSE_S3", null],
  nullValue: [{ [CC]: null, env: " Production " }, "AWS_MANAGED_KMS", null],
  bare: [{}, "UNKNOWN", null],
  unicodeSpaces: [{ [CC]: "\u00a0CC-2\u2003\n", env: "PROD" }, "NONE", null],
  object: [{ [CC]: { nested: "CC-3" }, "data-classification": "public" }, "SSE_S3", null],
  disabledKey: [{ [CC]: "CC-1", env: "prod" }, "CUSTOMER_KMS", "Disabled"],
  emptyKeyState: [{ [CC]: "CC-1", env: "prod" }, "CUSTOMER_KMS", ""],
  enabledKey: [{ [CC]: "CC-1", env: "prod" }, "CUSTOMER_KMS", "Enabled"],
};

async function seed(): Promise<void> {
  const resources: StorageResourceRecord[] = Object.keys(VERSIONS).map((name) => volume(name, { encryptionClass: VERSIONS[name]![1] }));
  await storeInventorySnapshot(db, { day: "2026-03-01", runId: null, snapshot: { accountId: ACCOUNT, region: REGION, keys: [], keyUsage: [], resources, warnings: [] }, settings: defaultPolicySettings });
  // Tags and key states AWS could hand over but the fixtures' types cannot express.
  for (const [name, [tags, , keyState]] of Object.entries(VERSIONS)) {
    await db.$executeRawUnsafe(`UPDATE storage_resource_version SET tags = $2::jsonb, key_state = $3 WHERE name = $1`, name, JSON.stringify(tags), keyState);
  }
}

interface Row {
  name: string;
  tags: Tags;
  encryption_class: EncryptionClass;
  key_state: string | null;
  business_unit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  requires_cmk: boolean;
  non_compliant_reason: string | null;
}

const stored = () =>
  db.$queryRawUnsafe<Row[]>(
    `SELECT name, tags, encryption_class::text AS encryption_class, key_state, business_unit, environment, classification, application, owner,
       requires_cmk, non_compliant_reason::text AS non_compliant_reason FROM storage_resource_version ORDER BY name`,
  );

describe("recomputeResourceDerived", () => {
  it("writes what the per-row derivation gives for every version, edge cases included", async () => {
    await seed();
    expect(await recomputeResourceDerived(db, settings)).toBe(Object.keys(VERSIONS).length);
    const rows = await stored();
    for (const row of rows) {
      const { name, tags, encryption_class, key_state, ...written } = row;
      const expected = deriveResourceColumns({ tags, encryptionClass: encryption_class } as StorageResourceRecord, key_state, settings);
      expect({ name, ...written }).toEqual({ name, ...expected });
    }
    // By hand: business unit and reason of each.
    expect(Object.fromEntries(rows.map((r) => [r.name, [r.business_unit, r.requires_cmk, r.non_compliant_reason]]))).toEqual({
      bare: ["", false, null],
      disabledKey: ["CC-1", true, "KEY_UNUSABLE"],
      emptyKeyState: ["CC-1", true, null],
      enabledKey: ["CC-1", true, null],
      nullValue: ["", true, "AWS_MANAGED_KEY"],
      number: ["", true, "SSE_S3"],
      object: ["", false, null],
      padded: ["CC-1", true, "UNENCRYPTED"],
      unicodeSpaces: ["CC-2", true, "UNENCRYPTED"],
    });
    // Done: the same settings again write nothing.
    expect(await recomputeResourceDerived(db, settings)).toBe(0);
  });

  it("refreshes the non-compliant stretches of the resources whose reason changed", async () => {
    await seed();
    await recomputeResourceDerived(db, settings);
    // "public" now requires a CMK: the SSE-S3 "object" bucket becomes non-compliant.
    const stricter = { ...settings, cmkRequiredClassifications: ["public"] };
    expect(await recomputeResourceDerived(db, stricter)).toBe(2); // "object" in, "number" (confidential) out
    const since = await db.$queryRawUnsafe<{ name: string; since: string | null }[]>(
      `SELECT name, to_char(non_compliant_since, 'YYYY-MM-DD') AS since FROM storage_resource_version WHERE name IN ('object', 'number') ORDER BY name`,
    );
    expect(since).toEqual([{ name: "number", since: null }, { name: "object", since: "2026-03-01" }]);
    expect(await refreshNonCompliantSince(db)).toBe(0);
  });
});
