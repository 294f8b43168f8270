import { describe, expect, it } from "vitest";
import { localDays } from "./local-days";

describe("localDays", () => {
  it("counts calendar days in the newsroom's zone, across a month end and a DST change", () => {
    // 23:30 UTC on 25 October 2026 is already the 26th in Paris (UTC+1 after the change).
    expect(localDays(new Date("2026-10-25T23:30:00Z"), 3, "Europe/Paris")).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    expect(localDays(new Date("2026-03-01T12:00:00Z"), 2, "Europe/Paris")).toEqual(["2026-02-28", "2026-03-01"]);
    expect(localDays(new Date("2026-11-22T03:00:00Z"), 1, "America/New_York")).toEqual(["2026-11-21"]);
  });
});
