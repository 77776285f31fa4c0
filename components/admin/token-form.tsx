"use client";

import { useState } from "react";
import { useCreateTokenMutation, type CreatedToken } from "@/components/hooks/queries/admin";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const ROLES = ["viewer", "finops", "admin"] as const;

/** The create form; the new secret is handed up once and kept nowhere else. */
export function TokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateTokenMutation();
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("viewer");
  const [units, setUnits] = useState("");
  const [days, setDays] = useState("90");
  const submit = () => {
    const businessUnits = role === "viewer" ? units.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
    create.mutate(
      // An empty or non-numeric entry is sent as 0 or null: the API answers which days it takes.
      { name, role, businessUnits, expiresInDays: Number(days) },
      { onSuccess: (token) => { onCreated(token); setName(""); setUnits(""); } },
    );
  };
  return (
    <form aria-label="Create an API token" onSubmit={(e) => { e.preventDefault(); submit(); }} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-5 md:items-end">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Name
        <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={input} placeholder="finance export script" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Role
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])} className={input}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Business units
        <input name="businessUnits" value={role === "viewer" ? units : ""} disabled={role !== "viewer"} onChange={(e) => setUnits(e.target.value)} className={`${input} disabled:bg-slate-100`}
          placeholder={role === "viewer" ? "payments, (untagged)" : "every business unit"} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Expires in (days, 1–366)
        <input name="expiresInDays" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} className={input} />
      </label>
      <button type="submit" disabled={create.isPending} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      {create.error ? <p role="alert" data-testid="token-error" className="text-sm text-red-800 md:col-span-5">{create.error.message}</p> : null}
    </form>
  );
}

/** The secret, once: copy it now or create another token. */
export function NewSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(token.secret);
    setCopied(true);
  };
  return (
    <section aria-label="New token secret" className="space-y-2 wrap-anywhere rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">Token “{token.name}” created. Copy its secret now: it will not be shown again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="token-secret" className="break-all rounded bg-white px-2 py-1 font-mono text-slate-900">{token.secret}</code>
        <button type="button" onClick={() => void copy()} className="rounded-md bg-slate-800 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700">
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Done
        </button>
      </div>
      <p>Send it as <code className="font-mono">Authorization: Bearer …</code>. Only its hash is stored: a lost secret means a new token.</p>
    </section>
  );
}
