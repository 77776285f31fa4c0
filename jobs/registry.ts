import { recomputeRollupsJob } from "./definitions/recompute-rollups";
import type { JobDefinition } from "./definitions/types";

/** Every job the worker runs. New jobs are added here and nowhere else. */
export const jobs: JobDefinition[] = [recomputeRollupsJob as unknown as JobDefinition];
