// Dimensions a resource (or key) is cut by, read from its tags with the configured tag keys.
// Tag keys match exactly (AWS tag keys are case-sensitive, so "Env" is not "env"); values are
// trimmed but keep their case, so the charts show what the owners wrote.
import type { Tags } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";

export interface ResourceDims {
  businessUnit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
}

export type DimSettings = Pick<
  PolicySettings,
  "businessUnitTagKey" | "environmentTagKey" | "classificationTagKey" | "applicationTagKey" | "ownerTagKey"
>;

/** The trimmed value of an exact tag key; "" when the tag is absent. */
export function tagValue(tags: Tags | null | undefined, key: string): string {
  if (!tags || !Object.hasOwn(tags, key)) return "";
  const value = tags[key];
  return typeof value === "string" ? value.trim() : "";
}

export function resourceDims(resource: { tags: Tags | null | undefined }, settings: DimSettings): ResourceDims {
  const { tags } = resource;
  return {
    businessUnit: tagValue(tags, settings.businessUnitTagKey),
    environment: tagValue(tags, settings.environmentTagKey),
    classification: tagValue(tags, settings.classificationTagKey),
    application: tagValue(tags, settings.applicationTagKey),
    owner: tagValue(tags, settings.ownerTagKey),
  };
}
