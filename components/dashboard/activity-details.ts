import type { ActivityItem } from "@/lib/dashboard/activity-item";

/** What an updated annotation event changed, as keys of `dashboard.activity.change.*` with their values. */
export interface ChangeDetail {
  key: string;
  values: Record<string, string | number>;
}

/** The verification state first, then the rest. */
const ORDER = ["status", "verdict", "signedOff", "signOffWithdrawn", "anchor", "target", "kind", "rationale", "evidence", "note", "sourceLinked", "sourceUnlinked"];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "none");

/**
 * Turns an event's `changes` (`{field: {from, to}}`) into the phrases the feed shows. Who set
 * the verdict is implied by the event's actor, so it is not repeated.
 */
export function activityDetails(item: ActivityItem): ChangeDetail[] {
  if (item.source !== "annotation" || (item.action !== "updated" && item.action !== "reanchored")) return [];
  const details: ChangeDetail[] = [];
  for (const [field, change] of Object.entries(item.changes)) {
    if (!isRecord(change) || !("to" in change)) continue;
    const { from, to } = change;
    switch (field) {
      case "status":
        details.push({ key: "status", values: { from: str(from), to: str(to) } });
        break;
      case "verdict":
        details.push({ key: "verdict", values: { from: str(from), to: str(to) } });
        break;
      case "signedOffBy":
        details.push({ key: to ? "signedOff" : "signOffWithdrawn", values: {} });
        break;
      case "kind":
        details.push({ key: "kind", values: { from: str(from), to: str(to) } });
        break;
      case "anchor":
        details.push({ key: "anchor", values: { to: str(to) } });
        break;
      case "target":
        details.push({ key: "target", values: {} });
        break;
      case "note":
      case "rationale":
      case "evidence":
        details.push({ key: field, values: {} });
        break;
      case "sourceId":
        details.push({ key: to ? "sourceLinked" : "sourceUnlinked", values: {} });
        break;
      default:
        break;
    }
  }
  return details.sort((x, y) => ORDER.indexOf(x.key) - ORDER.indexOf(y.key));
}
