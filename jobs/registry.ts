import { recomputeRollupsJob } from "./definitions/recompute-rollups";
import { ingestRunJob } from "./definitions/ingest-run";
import { ingestUnitJob } from "./definitions/ingest-unit";
import type { JobDefinition } from "./definitions/types";

/** Every job the worker runs. New jobs are added here and nowhere else. */
export const jobs: JobDefinition[] = [recomputeRollupsJob, ingestRunJob, ingestUnitJob] as unknown as JobDefinition[];
