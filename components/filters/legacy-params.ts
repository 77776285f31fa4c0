// Old parameter names still opened: the Teams page used ?team=<BU> before every page named the
// business unit ?bu= (issue 19). Weekly digests already in mailboxes carry the old name.

/** The same page with ?team= renamed to ?bu= (an explicit bu wins), or null when there is nothing to rename. */
export function legacyTeamRedirect(path: string, params: Record<string, string | string[] | undefined>): string | null {
  const team = params.team;
  if (team === undefined) return null;
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "team" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  const first = Array.isArray(team) ? team[0] : team;
  if (!out.has("bu") && first) out.set("bu", first);
  const text = out.toString();
  return text ? `${path}?${text}` : path;
}
