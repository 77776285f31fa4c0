// The order a run's units are handed to the workers. A run lasts at least as long as its longest
// unit, which is bound by an API quota (GetKeyLastUsage at 5 requests/s per account-region: a
// region with 1,000 keys needs 200 s whatever else happens): started last, behind hundreds of
// small units, it would add their time to its own. So the unit that took longest in the previous
// run starts first, and the small ones fill the other slots around it. A unit never seen before
// (first run, new account or region) may be the largest of all: it goes first too.

/** Above any number of seconds a unit can take (a unit's lease is 6 hours). */
export const NEW_UNIT_PRIORITY = 1_000_000;

export interface SchedulableUnit {
  accountId: string;
  region: string;
  kind: string;
}

export const unitKey = (u: SchedulableUnit): string => `${u.accountId}/${u.region}/${u.kind}`;

/** The units, longest previous run first, each with its queue priority (its previous whole seconds). */
export function scheduleUnits<T extends SchedulableUnit>(units: readonly T[], previousSeconds: ReadonlyMap<string, number>): Array<T & { priority: number }> {
  return units
    .map((unit) => {
      const seconds = previousSeconds.get(unitKey(unit));
      return { ...unit, priority: seconds === undefined ? NEW_UNIT_PRIORITY : Math.min(NEW_UNIT_PRIORITY - 1, Math.ceil(seconds)) };
    })
    .sort((a, b) => b.priority - a.priority); // stable: equal priorities keep the run's order
}
