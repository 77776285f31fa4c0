// Queue names of the report jobs, shared by the worker's job definitions and the web routes that
// enqueue them (kept out of jobs/ so app code never imports the worker).
export const SEND_REPORT_JOB = "reports.send";
export const SEND_DUE_REPORTS_JOB = "reports.send-due";
