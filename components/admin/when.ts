// Instants on the admin pages: to the minute, in UTC like every date of the dashboard.
import { NO_VALUE } from "@/lib/domain/format";

const format = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

export function formatInstant(iso: string | null | undefined): string {
  return iso ? `${format.format(new Date(iso))} UTC` : NO_VALUE;
}
