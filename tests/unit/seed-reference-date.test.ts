import { demoPhotoSvg, parseReferenceDate } from "../../prisma/seed";

describe("parseReferenceDate", () => {
  test("a pinned day means 20:00 WIB that day, stored in UTC", () => {
    expect(parseReferenceDate("2025-06-30").toISOString()).toBe("2025-06-30T13:00:00.000Z");
  });

  test("no value means now", () => {
    const now = new Date("2026-01-02T03:04:05Z");
    expect(parseReferenceDate(undefined, now)).toBe(now);
    expect(parseReferenceDate("", now)).toBe(now);
  });

  test.each(["30-06-2025", "2025-6-30", "2025-13-01", "2025-02-30", "kemarin"])("refuses %j", (value) => {
    expect(() => parseReferenceDate(value)).toThrow(/SEED_REFERENCE_DATE/);
  });
});

describe("demoPhotoSvg", () => {
  test("draws without text or external references, and differently per seed", () => {
    const a = demoPhotoSvg({ category: "kopi", hue: 10, seed: 1 });
    const b = demoPhotoSvg({ category: "kopi", hue: 10, seed: 2 });
    expect(a).toBe(demoPhotoSvg({ category: "kopi", hue: 10, seed: 1 }));
    expect(a).not.toBe(b);
    expect(a).not.toMatch(/<text|href|url\(http|<script/);
  });
});
