// The business unit of a bill line, from the same tag key as everywhere (policy setting
// businessUnitTagKey). The key is not written the same way in every export:
// - FOCUS Tags (a JSON object in CSV, a map in Parquet): the tag key as is; AWS may prefix user
//   tags "user:" and, where several tag sources share a key, the source ("resourceTags/").
// - CUR 2.0 resource_tags (a map in Parquet, JSON in CSV): user tags carry the "user_" prefix and
//   the key's characters other than letters and digits become "_": business-unit → user_business_unit.
//   The `tags` column prefixes the source: "resourceTags/user_business_unit".
// Every spelling is tried in that order; no value (or an empty one) is untagged: "".

/** The keys under which an export may carry the tag `key`, most specific first. */
export function businessUnitTagKeys(key: string, family: "focus" | "cur"): string[] {
  if (family === "focus") return unique([key, `user:${key}`, `resourceTags/${key}`, `resourceTags/user:${key}`]);
  const sanitized = key.replace(/[^A-Za-z0-9]/g, "_");
  const names = unique([`user_${key}`, `user_${sanitized}`, `user_${sanitized.toLowerCase()}`]);
  return [...names, ...names.map((n) => `resourceTags/${n}`)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The tag value of the first key present in `tags`, or "" when untagged. Throws on tags that are not a map. */
export function businessUnitOf(tags: unknown, keys: readonly string[]): string {
  if (tags === null || tags === undefined || tags === "") return "";
  const map = tagMap(tags);
  for (const key of keys) {
    const value = map(key);
    if (value !== undefined && value !== null && value !== "") return String(value);
  }
  return "";
}

function tagMap(tags: unknown): (key: string) => unknown {
  if (typeof tags === "string") {
    const parsed: unknown = JSON.parse(tags);
    if (parsed === null) return () => undefined;
    return tagMap(parsed);
  }
  if (tags instanceof Map) return (key) => tags.get(key);
  // A Parquet map read without its logical type: a list of { key, value } entries.
  if (Array.isArray(tags)) {
    const entries = new Map(tags.map((e: unknown) => (e && typeof e === "object" && "key" in e ? [String(e.key), (e as { value?: unknown }).value] : [undefined, undefined])));
    return (key) => entries.get(key);
  }
  if (typeof tags === "object" && tags !== null) return (key) => (Object.hasOwn(tags, key) ? (tags as Record<string, unknown>)[key] : undefined);
  throw new Error(`tags are not a map: ${String(tags).slice(0, 80)}`);
}
