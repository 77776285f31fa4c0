// The ingestion must never change anything in a customer's account. The IAM policy
// (docs/iam/read-only-policy.json) is the real boundary; this middleware is the second one, so a
// programming mistake or an over-broad role still cannot send a mutating call.
import type { InitializeMiddleware, Pluggable } from "@smithy/types";

const READ_PREFIXES = ["Describe", "Get", "List"] as const;

/** Not reads despite the name, or outside the metadata the product needs. */
const REFUSED_READS = new Set([
  "GetParametersForImport", // creates an import token and wrapping key
  "GetObject", // customer data, not metadata
  "GetObjectTorrent",
]);

/** STS calls that obtain credentials; they change nothing in the account. */
const ALLOWED_OTHER = new Set(["AssumeRole", "GetCallerIdentity"]);

export class ReadOnlyViolationError extends Error {
  override readonly name = "ReadOnlyViolationError";
  constructor(readonly operation: string) {
    super(`Refused ${operation}: the ingestion only sends Describe*/Get*/List* calls`);
  }
}

/** "ScheduleKeyDeletionCommand" → "ScheduleKeyDeletion". */
export const operationName = (commandName: string | undefined) => (commandName ?? "").replace(/Command$/, "");

export function isReadOnlyOperation(operation: string): boolean {
  if (ALLOWED_OTHER.has(operation)) return true;
  if (REFUSED_READS.has(operation)) return false;
  return READ_PREFIXES.some((prefix) => operation.startsWith(prefix) && operation.length > prefix.length);
}

export const readOnlyMiddlewareOptions = {
  step: "initialize",
  priority: "high",
  name: "kmsFinopsReadOnlyGuard",
  override: true,
} as const;

const NO_EXCEPTIONS: ReadonlySet<string> = new Set();

/**
 * `alsoAllowed`: refused reads one client needs, named one by one (the bill import's S3 client
 * reads the billing export's objects with GetObject; no other client may).
 */
export function readOnlyMiddleware(alsoAllowed: ReadonlySet<string> = NO_EXCEPTIONS): InitializeMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationName(context.commandName);
    if (!alsoAllowed.has(operation) && !isReadOnlyOperation(operation)) throw new ReadOnlyViolationError(operation || "(unnamed command)");
    return next(args);
  };
}

// Typed loosely on purpose: one plugin serves every service client.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readOnlyPlugin: Pluggable<any, any> = {
  applyToStack: (stack) => stack.add(readOnlyMiddleware(), readOnlyMiddlewareOptions),
};

/** The guard of the bill import's S3 client: reads only, GetObject included (the export's files are billing data, not customer data). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const billExportReadOnlyPlugin: Pluggable<any, any> = {
  applyToStack: (stack) => stack.add(readOnlyMiddleware(new Set(["GetObject"])), readOnlyMiddlewareOptions),
};
