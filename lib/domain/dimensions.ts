// The dimensions every KPI can be cut by (DOMAIN.md §6): the vocabulary queries, rollups and the
// HTTP layer share. Stored values: the untagged business unit is "" (business-unit.ts).

export const SERVICES = ["S3", "EBS", "RDS", "AURORA"] as const;
export type Service = (typeof SERVICES)[number];

export type DimensionFilters = {
  account?: string[];
  region?: string[];
  service?: Service[];
  bu?: string[];
  env?: string[];
  classification?: string[];
};
