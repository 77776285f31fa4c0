"use client";

import Link from "next/link";
import { useMemo } from "react";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useAllKeysQuery } from "@/components/hooks/queries/endpoints";
import { pick, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { boolCol, countCol, textCol, usdCol } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";

function keyArn(r: Row): string {
  return str(pick(r, "keyArn", "arn"));
}

function findingsOf(r: Row): string {
  const f = pick(r, "findings", "findingCodes");
  if (Array.isArray(f)) return f.map((x) => (typeof x === "string" ? x : str((x as Row).code))).join(" ");
  return str(f);
}

export function KeysView() {
  const { filters } = useFilters();
  const query = useAllKeysQuery(filtersToApiParams(filters, ["account", "region", "bu", "env"]));
  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        id: "key",
        header: "Key",
        value: (r) => {
          const aliases = pick(r, "aliases");
          return Array.isArray(aliases) && aliases.length ? aliases.map(str).join(" ") : str(pick(r, "keyId", "keyArn"));
        },
        cell: (r) => {
          const aliases = pick(r, "aliases");
          const label = Array.isArray(aliases) && aliases.length ? aliases.map(str).join(", ") : str(pick(r, "keyId", "keyArn"));
          return (
            <Link href={`/keys/${encodeURIComponent(keyArn(r))}`} className="font-medium text-sky-800 underline-offset-2 hover:underline">
              {label}
            </Link>
          );
        },
      },
      textCol("account", "Account", "accountId"),
      textCol("region", "Region"),
      textCol("manager", "Manager", "keyManager"),
      textCol("state", "State", "keyState"),
      textCol("spec", "Spec", "keySpec"),
      textCol("origin", "Origin"),
      boolCol("rotation", "Rotation", "on", "off", "rotationEnabled"),
      { id: "findings", header: "Findings", value: findingsOf, cell: (r) => <FindingBadges codes={findingsOf(r)} /> },
      textCol("bu", "Business unit", "businessUnit"),
      textCol("env", "Environment", "environment"),
      countCol("resources", "Resources", "resources", "resourceCount"),
      // "—" when the key has no per-key cost rows: unknown, not free.
      usdCol("cost", "Cost, last 30 days (USD)", "cost30d"),
    ],
    [],
  );
  return (
    <div className="space-y-4">
      <FilterBar only={["account", "region", "bu", "env"]} />
      <ApiTable query={query} title="KMS keys" columns={columns} testId="keys-table" rowKey={["keyArn", "arn"]} emptyMessage="No keys for these filters: clear a filter, or run an ingestion." />
    </div>
  );
}

export function FindingBadges({ codes }: { codes: string }) {
  const list = codes.split(/\s+/).filter(Boolean);
  if (list.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {list.map((c) => (
        <span key={c} className={`rounded px-1.5 py-0.5 text-xs font-medium ${c === "PENDING_DELETION_IN_USE" || c === "PUBLIC_POLICY" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
          {c}
        </span>
      ))}
    </span>
  );
}
