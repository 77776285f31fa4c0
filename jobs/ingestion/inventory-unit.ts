// One account-region: assume the role, collect keys and resources (resources resolve their key
// references through the keys), and store the snapshot in one transaction. On any failure
// nothing of this scope is written, so its earlier data stays as it was.
import type { Db } from "@/lib/db/client";
import type { IngestionConfig } from "@/lib/config/ingestion";
import type { IngestionWarningRecord, InventorySnapshot } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { collectKeys } from "@/jobs/collectors/keys";
import { collectResources } from "@/jobs/collectors/resources";
import { errorMessage, errorName } from "@/jobs/collectors/common";
import { RequestCounter } from "@/jobs/aws/pacing";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { openUnitSession, requestCounts, type SessionOptions, type UnitSession } from "./aws-session";
import { resolveResourceKeys } from "./resolve-resources";
import { statusFor, type UnitResult } from "./unit-result";

export interface InventoryUnitInput {
  runId: string;
  day: string;
  accountId: string;
  region: string;
  config: IngestionConfig;
  settings: PolicySettings;
  sessionOptions?: SessionOptions;
  /** Keys described at once (the pacer still caps each API). */
  keyConcurrency?: number;
}

export async function ingestInventoryUnit(db: Db, input: InventoryUnitInput): Promise<UnitResult> {
  const scope = { accountId: input.accountId, region: input.region };
  const warnings: IngestionWarningRecord[] = [];
  const counter = new RequestCounter();
  let session: UnitSession | null = null;
  let stage = "AssumeRole";
  try {
    session = await openUnitSession(input.config, scope, { ...input.sessionOptions, counter });
    stage = "collect keys and resources";
    // Separate quotas: both inventories are listed at once; key references resolve afterwards.
    const [keys, collected] = await Promise.all([
      collectKeys(session.clients, scope, { concurrency: input.keyConcurrency ?? 32 }),
      collectResources(session.clients, scope, []),
    ]);
    warnings.push(...keys.warnings, ...collected.warnings);
    const resources = { resources: resolveResourceKeys(collected.resources, keys.keys, scope) };
    const snapshot: InventorySnapshot = { ...scope, keys: keys.keys, keyUsage: keys.keyUsage, resources: resources.resources, warnings };
    stage = "store snapshot";
    await storeInventorySnapshot(db, { day: input.day, runId: input.runId, snapshot, settings: input.settings });
    return {
      status: statusFor(warnings),
      keysCount: keys.keys.length,
      resourcesCount: resources.resources.length,
      apiRequests: requestCounts(counter),
      warnings,
      error: null,
    };
  } catch (error) {
    const code = stage === "AssumeRole" ? "ASSUME_ROLE_FAILED" : errorName(error);
    const message = `${stage} failed in ${scope.accountId}/${scope.region}: ${errorName(error)}: ${errorMessage(error)}; earlier data of this scope kept`;
    warnings.push({ ...scope, source: stage === "AssumeRole" ? "sts" : "ingestion", code, message });
    return { status: "FAILED", keysCount: 0, resourcesCount: 0, apiRequests: requestCounts(counter), warnings, error: message };
  } finally {
    session?.close();
  }
}
