import { recomputeRollupsJob } from "./definitions/recompute-rollups";
import { ingestRunJob } from "./definitions/ingest-run";
import { ingestUnitJob } from "./definitions/ingest-unit";
import { deliverAlertsJob } from "./definitions/deliver-alerts";
import { evaluateAlertsJob } from "./definitions/evaluate-alerts";
import { sendDueReportsJob } from "./definitions/send-due-reports";
import { sendReportJob } from "./definitions/send-report";
import type { JobDefinition } from "./definitions/types";

/** Every job the worker runs. New jobs are added here and nowhere else. */
export const jobs: JobDefinition[] = [recomputeRollupsJob, ingestRunJob, ingestUnitJob, deliverAlertsJob, evaluateAlertsJob, sendDueReportsJob, sendReportJob] as unknown as JobDefinition[];
