// key_provisioning: per CMK, the first day its inventory had none of the hygiene findings
// (DOMAIN.md §6.7), from the key's version history. Hygiene findings depend only on the key's
// own record (tags, aliases, rotation, policy), so each version is evaluated once, on its first
// day, without usage or referencing resources.
import type { Db } from "@/lib/db/client";
import { keyFindings } from "@/lib/kpi/key-findings";
import { keyProvisioning } from "@/lib/kpi/mttp";
import { keyRecordOf, WITH_POLICY } from "@/lib/store/key-records";
import { loadPolicySettings } from "@/lib/settings/load";
import type { PolicySettings } from "@/lib/settings/policy";
import { toDay } from "@/lib/domain/days";

export async function recomputeKeyProvisioning(db: Db, settings?: PolicySettings): Promise<{ keys: number; provisioned: number }> {
  const policy = settings ?? (await loadPolicySettings(db));
  const versions = await db.kmsKeyVersion.findMany({
    where: { keyManager: "CUSTOMER" },
    orderBy: [{ keyArn: "asc" }, { validFrom: "asc" }],
    include: WITH_POLICY,
  });
  const byKey = new Map<string, typeof versions>();
  for (const v of versions) {
    const list = byKey.get(v.keyArn) ?? [];
    list.push(v);
    byKey.set(v.keyArn, list);
  }
  const rows = [...byKey.values()].map((history) => {
    const latest = history[history.length - 1]!;
    const result = keyProvisioning({
      keyArn: latest.keyArn,
      createdAt: latest.creationDate,
      snapshots: history.map((v) => ({
        day: toDay(v.validFrom),
        codes: keyFindings(keyRecordOf(v), { asOf: v.validFrom, usage: null, referencingResources: [] }, policy).map((f) => f.code),
      })),
    });
    return { key_arn: result.keyArn, created_at: result.createdAt.toISOString(), compliant_on: result.compliantOn };
  });
  await db.$transaction(
    async (tx) => {
      await tx.keyProvisioning.deleteMany({});
      if (rows.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO key_provisioning (key_arn, created_at, compliant_on)
         SELECT p.key_arn, p.created_at, p.compliant_on FROM jsonb_to_recordset($1::jsonb) AS p(key_arn text, created_at timestamptz, compliant_on date)`,
        JSON.stringify(rows),
      );
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { keys: rows.length, provisioned: rows.filter((r) => r.compliant_on !== null).length };
}
