"use client";

import { useState } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { roleMappingsEndpoint } from "@/lib/endpoints/admin/role-mappings";
import { useDeleteRoleMappingMutation, usePutRoleMappingMutation } from "@/components/hooks/queries/mutations";
import { ApiError } from "@/components/hooks/queries/api-client";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { AdminTable, cellClass } from "./admin-frame";

type Mapping = ResponseOf<typeof roleMappingsEndpoint>["items"][number];
type Role = Mapping["role"];
type Field = "group" | "role" | "businessUnits";
const FIELDS: Field[] = ["group", "role", "businessUnits"];
const EMPTY: { group: string; role: Role; businessUnits: string } = { group: "", role: "viewer", businessUnits: "" };

/** The API's 400 names the field first ("businessUnits.1: ..."): that field shows the message. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const name = error.message.split(/[:.]/)[0] as Field;
  return FIELDS.includes(name) ? name : null;
}

const roleText = (m: { role: Role; businessUnits: string[] }) => (m.businessUnits.length ? `${m.role} (${m.businessUnits.join(", ")})` : m.role);

export function RoleMappingsView() {
  const query = useEndpoint<typeof roleMappingsEndpoint>("/api/admin/role-mappings");
  const [draft, setDraft] = useState(EMPTY);
  return (
    <div className="space-y-6">
      <MappingForm draft={draft} setDraft={setDraft} />
      <QueryBoundary query={query} label="Loading role mappings">
        {({ items }) => <MappingTable items={items} onEdit={(m) => setDraft({ group: m.group, role: m.role, businessUnits: m.businessUnits.join(", ") })} />}
      </QueryBoundary>
    </div>
  );
}

function MappingForm({ draft, setDraft }: { draft: typeof EMPTY; setDraft: (d: typeof EMPTY) => void }) {
  const mutation = usePutRoleMappingMutation();
  const field = fieldOf(mutation.error);
  const errorOf = (f: Field) => (field === f ? (mutation.error as Error).message : null);
  const save = () => {
    const businessUnits = draft.businessUnits.split(",").map((s) => s.trim()).filter(Boolean);
    mutation.mutate({ group: draft.group, role: draft.role, businessUnits }, { onSuccess: () => setDraft(EMPTY) });
  };
  const input = (f: Field) => ({
    id: `mapping-${f}`,
    "aria-invalid": errorOf(f) ? true : undefined,
    "aria-describedby": errorOf(f) ? `mapping-${f}-error` : undefined,
    className: `w-full rounded-md border px-2 py-1.5 text-sm ${errorOf(f) ? "border-red-500" : "border-slate-300"}`,
  });
  const result = mutation.data;
  return (
    <form className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <h2 className="text-lg font-semibold">Add or change a mapping</h2>
      <div className="grid gap-3 md:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="mapping-group" className="text-sm font-medium">IdP group</label>
          <input {...input("group")} value={draft.group} onChange={(e) => setDraft({ ...draft, group: e.target.value })} />
          <FieldError id="mapping-group-error" message={errorOf("group")} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="mapping-role" className="text-sm font-medium">Role</label>
          <select {...input("role")} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            <option value="admin">admin</option>
            <option value="finops">finops</option>
            <option value="viewer">viewer</option>
          </select>
          <FieldError id="mapping-role-error" message={errorOf("role")} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="mapping-businessUnits" className="text-sm font-medium">Business units (viewers only, comma-separated)</label>
          <input {...input("businessUnits")} value={draft.businessUnits} placeholder="payments, (untagged)" onChange={(e) => setDraft({ ...draft, businessUnits: e.target.value })} />
          <FieldError id="mapping-businessUnits-error" message={errorOf("businessUnits")} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={mutation.isPending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">Save mapping</button>
        <p className="text-xs text-slate-600">A saved mapping applies at once to users already signed in (from the groups of their last sign-in).</p>
      </div>
      {mutation.error && !field ? <p role="alert" className="text-sm text-red-800">{(mutation.error as Error).message}</p> : null}
      {result ? <p role="status" className="text-sm text-emerald-800">Saved; {result.usersUpdated} signed-in user(s) changed role or business units.</p> : null}
    </form>
  );
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? <p id={id} role="alert" className="text-sm text-red-800">{message}</p> : null;
}

function MappingTable({ items, onEdit }: { items: Mapping[]; onEdit: (m: Mapping) => void }) {
  const remove = useDeleteRoleMappingMutation();
  if (items.length === 0) return <EmptyState title="No group is mapped">Set AUTH_ROLE_MAP or add a mapping above; until then nobody can sign in.</EmptyState>;
  return (
    <div className="space-y-2">
      {remove.error ? <p role="alert" className="text-sm text-red-800">{(remove.error as Error).message}</p> : null}
      <AdminTable caption="Role mappings" headers={["Group", "Role", "Business units", "Source", ""]} testId="role-mappings-table">
        {items.map((m) => (
          <tr key={m.group}>
            <td className={`font-mono ${cellClass}`}><bdi>{m.group}</bdi></td>
            <td className={cellClass}>{m.role}</td>
            <td className={cellClass}>{m.businessUnits.join(", ") || "all"}</td>
            <td className={cellClass}>
              {m.source === "database" ? "edited here" : "AUTH_ROLE_MAP"}
              {m.source === "database" && m.config ? <span className="block text-xs text-slate-600">overrides AUTH_ROLE_MAP: {roleText(m.config)}</span> : null}
            </td>
            <td className={`space-x-2 whitespace-nowrap text-right ${cellClass}`}>
              <button type="button" onClick={() => onEdit(m)} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50" aria-label={`Edit ${m.group}`}>Edit</button>
              {m.source === "database" ? (
                <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(m.group)} className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50" aria-label={`Delete ${m.group}`}>
                  {m.config ? "Revert to config" : "Delete"}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
