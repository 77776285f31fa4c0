// Who is asking. Every /api/* handler and every page runs with exactly one principal, set by
// the access layer (lib/auth) from the session cookie or the bearer token; queries never read
// it themselves: route code narrows its filters with the principal's scope (lib/auth/scope).

export const ROLES = ["admin", "finops", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Principal = {
  /** How the request proved who it is. */
  kind: "session" | "token" | "demo" | "none";
  /** Stable id: the user's id, the token's id, "demo" or "anonymous". */
  id: string;
  /** What the UI and the audit log show (email, token name, ...). */
  name: string;
  role: Role;
  /**
   * Business units (stored form: "" is the untagged BU) this principal may see; null means all.
   * Only viewers are scoped; admin and finops always have null.
   */
  businessUnits: string[] | null;
};

/** admin ⊃ finops ⊃ viewer for reading; only admin changes settings, starts runs, manages users. */
export const canAdminister = (p: Principal) => p.role === "admin";

/** The one identity every kind of caller has (a user, a token, the demo visitor): "<kind>:<id>". */
export const principalKey = (p: Pick<Principal, "kind" | "id">) => `${p.kind}:${p.id}`;
