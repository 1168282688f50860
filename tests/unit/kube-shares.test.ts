import { parseWithZod } from "@conform-to/zod/v4";
import { checkShares, formatSharePercent, parseSharePercent } from "~/models/kube-shares";
import { newKubeSchema } from "~/models/kube.server";

describe("parseSharePercent", () => {
  it.each([
    ["25", 2500],
    ["100", 10000],
    ["33,33", 3333],
    ["33.33", 3333],
    ["12,5", 1250],
    ["12.5 %", 1250],
    [" 0,01 ", 1],
    ["7%", 700],
  ])("reads %j as %i basis points", (text, basisPoints) => {
    expect(parseSharePercent(text)).toBe(basisPoints);
  });

  it.each(["", "0", "0,00", "100,01", "101", "33,333", "1.000", "-5", "abc", "25 persen", "1e2", "33,"])("refuses %j", (text) => {
    expect(parseSharePercent(text)).toBeNull();
  });
});

describe("checkShares", () => {
  const members = (...shares: number[]) => shares.map((shareBasisPoints, i) => ({ householdId: `h${i}`, shareBasisPoints }));

  it("accepts thirds written with two decimals that add up to exactly 100%", () => {
    expect(checkShares(members(3333, 3333, 3334))).toEqual({ ok: true });
  });

  it("refuses thirds that add up to 99.99% and reports the sum", () => {
    expect(checkShares(members(3333, 3333, 3333))).toEqual({ ok: false, error: "not_hundred", sumBasisPoints: 9999 });
  });

  it("refuses more than 100%", () => {
    expect(checkShares(members(6000, 5000))).toEqual({ ok: false, error: "not_hundred", sumBasisPoints: 11000 });
  });

  it("needs two members and no household twice", () => {
    expect(checkShares(members(10000))).toMatchObject({ ok: false, error: "too_few_members" });
    expect(checkShares([{ householdId: "a", shareBasisPoints: 5000 }, { householdId: "a", shareBasisPoints: 5000 }])).toMatchObject({
      ok: false,
      error: "duplicate_member",
    });
  });
});

describe("formatSharePercent", () => {
  it("writes basis points the way each language writes decimals", () => {
    expect(formatSharePercent(3333, "id")).toBe("33,33");
    expect(formatSharePercent(3333, "en")).toBe("33.33");
    expect(formatSharePercent(2500, "id")).toBe("25");
    expect(formatSharePercent(1250, "id")).toBe("12,5");
    expect(formatSharePercent(9999, "en")).toBe("99.99");
  });
});

/** The field errors of a refused submission (none for an accepted one). */
const errorsOf = (submission: object) => ("error" in submission ? submission.error : undefined) as Record<string, string[] | null> | undefined;

describe("newKubeSchema", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return parseWithZod(data, { schema: newKubeSchema });
  };

  it("keeps only the ticked rows, with their shares in basis points", () => {
    const submission = form({
      name: "KUBE Maju",
      regencyCode: "53.11",
      "members[0].householdId": "a",
      "members[0].selected": "on",
      "members[0].share": "33,33",
      "members[1].householdId": "b",
      "members[1].share": "50",
      "members[2].householdId": "c",
      "members[2].selected": "on",
      "members[2].share": "66.67",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.members).toEqual([
      { householdId: "a", shareBasisPoints: 3333 },
      { householdId: "c", shareBasisPoints: 6667 },
    ]);
  });

  it("points at the row whose share cannot be read", () => {
    const submission = form({
      name: "KUBE Maju",
      regencyCode: "53.11",
      "members[0].householdId": "a",
      "members[0].selected": "on",
      "members[0].share": "33,333",
      "members[1].householdId": "b",
      "members[1].selected": "on",
      "members[1].share": "50",
    });
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)?.["members[0].share"]).toEqual(["households.errorShare"]);
  });

  it("asks for two households when fewer are ticked", () => {
    const submission = form({ name: "KUBE Maju", regencyCode: "53.11", "members[0].householdId": "a", "members[0].selected": "on", "members[0].share": "100" });
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)?.members).toEqual(["households.errorKubeTooFew"]);
  });
});
