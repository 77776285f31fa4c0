// The settings form's fields: one per policy setting (lib/settings/policy.ts), each price of
// lib/domain/prices.ts as its own override field, grouped as the page shows them. Text in the
// form, values in the PUT body: toPatch builds the body from the fields that changed.
import { KMS_LIST_PRICES, PRICE_KEYS, type KmsPrices } from "@/lib/domain/prices";
import { str, type Row } from "@/components/hooks/queries/types";

export type Kind = "text" | "number" | "list" | "costSource" | "price";
export type Group = "dimensions" | "cmk" | "hygiene" | "cost" | "prices" | "targets";
export interface SettingField {
  path: string;
  label: string;
  kind: Kind;
  help: string;
  group: Group;
}

export const GROUPS: { id: Group; title: string }[] = [
  { id: "dimensions", title: "Tags that carry the dimensions" },
  { id: "cmk", title: "Which resources require a customer managed key" },
  { id: "hygiene", title: "Key hygiene" },
  { id: "cost", title: "Cost and savings" },
  { id: "prices", title: "KMS prices (USD; empty = list price)" },
  { id: "targets", title: "Targets" },
];

const PRICE_LABELS: Record<keyof KmsPrices, string> = {
  keyMonth: "Key-month",
  rotationSurchargePerRotation: "Rotation surcharge per rotation (per key-month)",
  rotationSurchargeMaxRotations: "Rotations billed at most",
  symmetricPer10k: "Symmetric requests per 10,000",
  rsa2048Per10k: "RSA 2048 requests per 10,000",
  otherAsymmetricPer10k: "Other asymmetric requests per 10,000",
  generateDataKeyPairEccPer10k: "GenerateDataKeyPair ECC per 10,000",
  generateDataKeyPairRsaPer10k: "GenerateDataKeyPair RSA per 10,000",
  freeTierRequests: "Free requests per account and month",
};

export const FIELDS: SettingField[] = [
  { path: "businessUnitTagKey", label: "Business unit tag key", kind: "text", group: "dimensions", help: "Tag that names the business unit of a key or resource" },
  { path: "applicationTagKey", label: "Application tag key", kind: "text", group: "dimensions", help: "Tag naming the application (SHARED_MASTER_KEY counts them)" },
  { path: "ownerTagKey", label: "Owner tag key", kind: "text", group: "dimensions", help: "Tag naming the owner" },
  { path: "environmentTagKey", label: "Environment tag key", kind: "text", group: "cmk", help: "Tag holding the environment" },
  { path: "productionValues", label: "Production values", kind: "list", group: "cmk", help: "Environment values that count as production (comma-separated)" },
  { path: "classificationTagKey", label: "Classification tag key", kind: "text", group: "cmk", help: "Tag holding the data classification" },
  { path: "cmkRequiredClassifications", label: "Classifications requiring a CMK", kind: "list", group: "cmk", help: "Comma-separated" },
  { path: "requiredKeyTags", label: "Required key tags", kind: "list", group: "hygiene", help: "MISSING_TAGS fires when a CMK lacks one (comma-separated)" },
  { path: "aliasPattern", label: "Alias convention (regex)", kind: "text", group: "hygiene", help: "ALIAS_CONVENTION fires when no alias matches (RE2 syntax)" },
  { path: "unusedKeyDays", label: "Unused key after (days)", kind: "number", group: "hygiene", help: "UNUSED: no cryptographic use for this many days" },
  { path: "sharedKeyApplicationThreshold", label: "Shared key: applications above", kind: "number", group: "hygiene", help: "SHARED_MASTER_KEY threshold" },
  { path: "costSource", label: "Cost source", kind: "costSource", group: "cost", help: "auto: the imported bill where a month has one, Cost Explorer otherwise; costExplorer: Cost Explorer only" },
  { path: "bucketKeyReduction", label: "Bucket Key request reduction (0–1)", kind: "number", group: "cost", help: "AWS measured 0.97 in its sample" },
  ...PRICE_KEYS.map((key): SettingField => ({ path: `priceOverrides.${key}`, label: PRICE_LABELS[key], kind: "price", group: "prices", help: `List price ${KMS_LIST_PRICES[key]}` })),
  { path: "targets.coverageByCount", label: "Target: coverage by count (%)", kind: "number", group: "targets", help: "Shown on Teams scorecards" },
  { path: "targets.coverageByStorage", label: "Target: coverage by storage (%)", kind: "number", group: "targets", help: "" },
  { path: "targets.nonCompliant", label: "Target: non-compliant resources", kind: "number", group: "targets", help: "" },
  { path: "targets.mttpDays", label: "Target: mean time to provision (days)", kind: "number", group: "targets", help: "" },
];

export const fieldId = (path: string) => `setting-${path.replace(".", "-")}`;

function read(settings: Row, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Row)[k] : undefined), settings);
}
const toText = (value: unknown): string => (Array.isArray(value) ? value.join(", ") : str(value));

/** The form's text for each field, from the saved settings. */
export function draftOf(settings: Row): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f.path, toText(read(settings, f.path))]));
}

// A text that is not a number is sent as text, so the API's 400 names the field ("expected number").
const toNumber = (text: string): unknown => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

function toValue(kind: Kind, text: string): unknown {
  if (kind === "number" || kind === "price") return toNumber(text);
  if (kind === "list") return text.split(",").map((s) => s.trim()).filter(Boolean);
  return text;
}

/** Top-level setting names whose text differs from the saved one. */
export function changedSettings(saved: Record<string, string>, draft: Record<string, string>): string[] {
  const names = FIELDS.filter((f) => (draft[f.path] ?? "") !== (saved[f.path] ?? "")).map((f) => f.path.split(".")[0]!);
  return [...new Set(names)];
}

/**
 * The PUT body: every changed setting. Targets are sent one by one; priceOverrides replaces the
 * stored object, so it is sent whole (empty fields = list price, left out).
 */
export function toPatch(saved: Record<string, string>, draft: Record<string, string>): Row {
  const patch: Row = {};
  const changed = new Set(changedSettings(saved, draft));
  for (const f of FIELDS) {
    const [head, tail] = f.path.split(".") as [string, string | undefined];
    if (!changed.has(head)) continue;
    const text = draft[f.path] ?? "";
    if (!tail) patch[head] = toValue(f.kind, text);
    else if (f.kind === "price" && text.trim() === "") patch[head] ??= {};
    else if (head === "targets" && text === saved[f.path]) continue;
    else patch[head] = { ...(patch[head] as Row | undefined), [tail]: toValue(f.kind, text) };
  }
  return patch;
}
