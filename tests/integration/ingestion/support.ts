// Shared set-up of the ingestion integration tests: SDK environment pointing at the local AWS
// endpoint, and running every queued unit of a run in this process.
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { parseIngestionConfig, type IngestionConfig } from "@/lib/config/ingestion";
import { startRun, type StartRunRequest } from "@/jobs/ingestion/start-run";
import { runIngestionUnit } from "@/jobs/ingestion/run-unit";

/** Environment the SDK and the ingestion read: endpoint, fake base credentials, no config files. */
export function awsTestEnv(endpointUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_ACCESS_KEY_ID: "AKIABASETEST",
    AWS_SECRET_ACCESS_KEY: "base-secret",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
    AWS_EC2_METADATA_DISABLED: "true",
    INGEST_ROLE_NAME: "KmsFinOpsReadOnly",
    ...extra,
  };
}

export function applyEnv(vars: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export const FAST_RETRY = { retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 50 } };

/** Starts a run and runs its units here, two at a time, as the queue would hand them out. */
export async function runInProcess(db: Db, request: StartRunRequest, config: IngestionConfig = env(parseIngestionConfig), session = FAST_RETRY) {
  const queued: Array<{ runId: string; unitId: string }> = [];
  const started = await startRun(db, async (_id, payload) => (queued.push(payload as { runId: string; unitId: string }), "job"), request, config, session);
  const outcomes = [];
  while (queued.length) {
    const batch = queued.splice(0, 2);
    outcomes.push(...(await Promise.all(batch.map((ids) => runIngestionUnit(db, ids, { workerId: "test", config, sessionOptions: session, today: request.today })))));
  }
  return { started, outcomes };
}
