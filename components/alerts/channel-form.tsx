"use client";

import { useState } from "react";
import { useSaveChannelMutation, type AlertChannel, type ChannelBody } from "@/components/hooks/queries/alerts";
import type { TLS_MODES } from "@/lib/alerts/channel-config";
import { FormActions } from "./form-actions";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium text-slate-800";
const KINDS = [
  { kind: "SLACK", label: "Slack (incoming webhook)" },
  { kind: "TEAMS", label: "Microsoft Teams (Workflows webhook)" },
  { kind: "WEBHOOK", label: "Webhook (signed JSON)" },
  { kind: "EMAIL", label: "Email (SMTP)" },
] as const;
type Kind = (typeof KINDS)[number]["kind"];

type Tls = (typeof TLS_MODES)[number];
/** What the form holds as typed; secrets start blank (never shown). */
type Fields = { name: string; host: string; port: string; tls: Tls; user: string; from: string; recipients: string; webhookUrl?: string; url?: string; signingSecret?: string; password?: string };

function initialFields(channel?: AlertChannel): Fields {
  const c = channel?.config;
  return { name: channel?.name ?? "", host: c?.host ?? "", port: String(c?.port ?? 587), tls: (c?.tls as Tls | undefined) ?? "starttls", user: c?.user ?? "", from: c?.from ?? "", recipients: (c?.recipients ?? []).join(", ") };
}

/** The body the API takes for a kind; blank secrets are left out (on edit: keep the stored one). */
function bodyOf(kind: Kind, f: Fields): ChannelBody {
  const secret = (name: "webhookUrl" | "url" | "signingSecret" | "password") => (f[name] ? { [name]: f[name] } : {});
  switch (kind) {
    case "SLACK":
    case "TEAMS":
      return { kind, name: f.name, ...secret("webhookUrl") };
    case "WEBHOOK":
      return { kind, name: f.name, ...secret("url"), ...secret("signingSecret") };
    case "EMAIL":
      return { kind, name: f.name, host: f.host, port: f.port, tls: f.tls, user: f.user || undefined, ...secret("password"), from: f.from, recipients: f.recipients.split(",").map((s) => s.trim()).filter(Boolean) };
  }
}

/** Create (no `channel`) or edit one channel. Secrets are never shown: on edit, blank keeps them. */
export function ChannelForm({ channel, onDone }: { channel?: AlertChannel; onDone: () => void }) {
  const save = useSaveChannelMutation();
  const [kind, setKind] = useState<Kind>(channel?.kind ?? "SLACK");
  const [fields, setFields] = useState<Fields>(() => initialFields(channel));
  const editing = Boolean(channel);
  const keep = editing ? "leave blank to keep the saved one" : undefined;
  const field = (name: keyof Fields, text: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className={label}>
      {text}
      <input name={name} value={fields[name] ?? ""} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} className={input} {...props} />
    </label>
  );
  const submit = () => save.mutate({ id: channel?.id, body: bodyOf(kind, fields) }, { onSuccess: onDone });
  return (
    <form aria-label={editing ? `Edit channel ${channel?.name}` : "Add a channel"} onSubmit={(e) => { e.preventDefault(); submit(); }} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3 md:items-end">
      <label className={label}>
        Kind
        <select name="kind" value={kind} disabled={editing} onChange={(e) => setKind(e.target.value as Kind)} className={`${input} disabled:bg-slate-100`}>
          {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      {field("name", "Name", { required: true, maxLength: 100, placeholder: "#kms-alerts" })}
      {kind === "SLACK" || kind === "TEAMS" ? field("webhookUrl", "Webhook URL", { type: "url", required: !editing, placeholder: keep ?? (kind === "SLACK" ? "https://hooks.slack.com/services/…" : "https://….powerautomate.com/…") }) : null}
      {kind === "WEBHOOK" ? (
        <>
          {field("url", "URL", { type: "url", required: !editing, placeholder: keep ?? "https://receiver.example.com/kms-finops" })}
          {field("signingSecret", "Signing secret (16+ characters)", { type: "password", required: !editing, minLength: 16, autoComplete: "off", placeholder: keep })}
        </>
      ) : null}
      {kind === "EMAIL" ? (
        <>
          {field("host", "SMTP host", { required: true, placeholder: "smtp.example.com" })}
          {field("port", "Port", { required: true, inputMode: "numeric" })}
          <label className={label}>
            TLS
            <select name="tls" value={fields.tls} onChange={(e) => setFields({ ...fields, tls: e.target.value as Tls })} className={input}>
              <option value="tls">TLS (port 465)</option>
              <option value="starttls">STARTTLS required (port 587)</option>
              <option value="none">none (local relay)</option>
            </select>
          </label>
          {field("user", "User (optional)", { autoComplete: "off" })}
          {field("password", "Password", { type: "password", autoComplete: "off", placeholder: editing && channel?.config.passwordSet ? "leave blank to keep the saved one" : undefined })}
          {field("from", "From", { required: true, placeholder: "KMS FinOps <finops@example.com>" })}
          {field("recipients", "Recipients (comma-separated)", { placeholder: "secops@example.com, finops@example.com" })}
        </>
      ) : null}
      <FormActions pending={save.isPending} submitLabel={editing ? "Save channel" : "Add channel"} onCancel={onDone} error={save.error} errorTestId="channel-error" />
    </form>
  );
}
