// The business unit is the value of the organization's BU tag (setting businessUnitTagKey) on a
// key, resource or cost line. "Team" is not a second concept: a team page shows one business unit.
// A resource without the tag belongs to the untagged business unit, stored as "" so it sorts and
// groups like any value, and shown everywhere (API, CSV, pages, alerts) under one label.

/** The label of the untagged business unit (stored as ""). */
export const UNTAGGED = "(untagged)";

/** Stored value → the label people see. */
export const buLabel = (businessUnit: string) => (businessUnit === "" ? UNTAGGED : businessUnit);

/** A label from a filter or a form → the stored value. */
export const buValue = (label: string) => (label === UNTAGGED ? "" : label);
