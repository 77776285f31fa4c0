import { isolateText } from "@/components/tables/bidi";

/** The admin choice of the switcher: its value is no business unit (BU labels are never empty). */
export const ADMIN_VIEW = "";

export type DemoViewOption = { value: string; label: string };

/**
 * The "Viewing as" choices. An <option> holds text only (no <bdi>), so each BU name is wrapped
 * in FSI…PDI: a right-to-left override in one tag value cannot reorder the option's own words.
 * The value stays the raw label, what the server compares against the data.
 */
export function demoViewOptions(businessUnits: readonly string[]): DemoViewOption[] {
  return [{ value: ADMIN_VIEW, label: "Admin" }, ...businessUnits.map((bu) => ({ value: bu, label: `BU manager of ${isolateText(bu)}` }))];
}
