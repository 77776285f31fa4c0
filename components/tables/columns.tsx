// Column builders: the raw value (sort, search, CSV) and how the cell shows it.
import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { parseKmsArn } from "@/lib/domain/key-resolution";
import { Bdi, isolateText } from "./bidi";
import { codeLabel, codeLabels } from "@/lib/domain/labels";
import type { Column } from "./table-model";
import { TruncatedCell } from "./truncated-cell";

// Rows are an endpoint module's typed answer (lib/endpoints): each column reads real field names.

export const textColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: read });

/** A count: whole numbers in the cell and in the CSV (an average per bucket is still a count of requests, not 149617728.86). */
export function countColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  const whole = (r: R) => (read(r) === null ? null : Math.round(read(r)!));
  return { id, header, value: whole, align: "right", searchable: false, nowrap: true, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, nowrap: true, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

/** A day or a timestamp, shown as its day. */
export const dayColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: (r) => read(r).slice(0, 10), searchable: false, nowrap: true });

/**
 * What names a key: its aliases, else its key id (from the ARN when the row has no id), never
 * blank. `isolate` for display: an override in one alias cannot reorder the next (issue 14).
 */
export function keyName(k: { aliases: readonly string[]; keyId?: string; keyArn: string }, separator = " ", isolate = false): string {
  if (k.aliases.length) return k.aliases.map((a) => (isolate ? isolateText(a) : a)).join(separator);
  return k.keyId ?? parseKmsArn(k.keyArn)?.name ?? k.keyArn;
}

/** A key by its name, cut to the column with the ARN on hover and copy. */
export function keyNameColumn<R extends { aliases: readonly string[]; keyId?: string; keyArn: string }>(id: string, header: string): Column<R> {
  return {
    id,
    header,
    value: (k) => keyName(k),
    cell: (k) => (
      <TruncatedCell full={k.keyArn} copyLabel="key ARN">
        {keyName(k, ", ", true)}
      </TruncatedCell>
    ),
  };
}

/** A resource by its name (an ARN made rows four lines tall); the ARN on hover and copy, and in the CSV (arnExportColumn). */
export function resourceNameColumn<R>(id: string, header: string, name: (row: R) => string, arn: (row: R) => string): Column<R> {
  return {
    id,
    header,
    value: name,
    cell: (r) => (
      <TruncatedCell full={arn(r)} copyLabel="ARN">
        <Bdi>{name(r) || arn(r)}</Bdi>
      </TruncatedCell>
    ),
  };
}

/** The full ARN in the CSV and the search, not on screen (the name column shows it on hover). */
export const arnExportColumn = <R,>(id: string, read: (row: R) => string): Column<R> => ({ id, header: "ARN", value: read, exportOnly: true, sortable: false });
type Labels = Parameters<typeof codeLabel>[0];

/** A code shown as its label (lib/domain/labels.ts), the code on hover; the CSV keeps the code. */
export function labelColumn<R>(id: string, header: string, read: (row: R) => string, labels: Labels): Column<R> {
  return { id, header, value: read, cell: (r) => <span title={read(r)}>{codeLabel(labels, read(r))}</span> };
}

/** Several codes in one cell (a key's findings), labels joined, the codes on hover; the CSV keeps the codes. */
export function labelsColumn<R>(id: string, header: string, read: (row: R) => readonly string[], labels: Labels): Column<R> {
  return { id, header, value: (r) => read(r).join(" "), cell: (r) => <span title={read(r).join(" ")}>{codeLabels(labels, read(r))}</span> };
}
