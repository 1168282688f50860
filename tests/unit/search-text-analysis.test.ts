import {
  analyzeQuery,
  canonicalWords,
  foldWord,
  highlightSegments,
  indexTerms,
  segmentsFromMarkers,
  stem,
  typoBudget,
  words,
} from "~/services/search/text-analysis.server";
import { meilisearchSynonyms } from "~/services/search/meilisearch.server";

describe("Indonesian text analysis", () => {
  test("folds case, accents and apostrophes, and keeps words with their positions", () => {
    expect(foldWord("Se'i")).toBe("sei");
    expect(foldWord("CAFÉ")).toBe("cafe");
    expect(words("Tikar Mendong 120 × 180 cm, Lu'at!")).toEqual(["tikar", "mendong", "120", "180", "cm", "luat"]);
  });

  test("turns spelling variants into the standard spelling, word for word", () => {
    expect(canonicalWords(["kripik", "singkong", "pedes"])).toEqual(["keripik", "singkong", "pedas"]);
    expect(canonicalWords(["sambel", "trasi"])).toEqual(["sambal", "terasi"]);
    expect(canonicalWords(["gula", "jawa", "asli"])).toEqual(["gula", "aren", "asli"]);
    expect(canonicalWords(["gula", "merah"])).toEqual(["gula", "aren"]);
    // "merah" alone is a colour, not sugar.
    expect(canonicalWords(["cabai", "merah"])).toEqual(["cabai", "merah"]);
  });

  test("stems common affixes to the root word", () => {
    expect(stem("anyaman")).toBe("anyam");
    expect(stem("menganyam")).toBe("anyam");
    expect(stem("dianyam")).toBe("anyam");
    expect(stem("tenunan")).toBe("tenun");
    expect(stem("gorengan")).toBe("goreng");
    expect(stem("pedasnya")).toBe("pedas");
  });

  test("refuses cuts that would turn a word into another word", () => {
    expect(stem("kemeja")).toBe("kemeja"); // not meja (table)
    expect(stem("keranjang")).toBe("keranjang"); // not ranjang (bed)
    expect(stem("keripik")).toBe("keripik");
    expect(stem("terasi")).toBe("terasi"); // not asi
    expect(stem("selai")).toBe("selai"); // not sela
    expect(stem("kerajinan")).toBe("kerajinan"); // protected: not rajin (diligent)
    expect(stem("lebaran")).toBe("lebaran"); // protected: not lebar (wide)
    expect(stem("2026")).toBe("2026");
  });

  test("indexes the standard spelling and the root of every word, without stop words", () => {
    expect(indexTerms("Kripik yang dianyam dan sambel")).toEqual(["keripik", "dianyam", "anyam", "sambal"]);
  });

  test("analyses a query: standard words, roots and synonyms as alternatives, the last word marked", () => {
    const [first, second] = analyzeQuery("sambel tenunan");
    expect(first).toEqual({ word: "sambal", alternatives: [], last: false });
    expect(second?.word).toBe("tenunan");
    expect(second?.alternatives).toContain("tenun");
    expect(second?.last).toBe(true);
    expect(analyzeQuery("bakul").at(0)?.alternatives).toContain("boboko");
    expect(analyzeQuery("coffee").at(0)?.alternatives).toContain("kopi");
  });

  test("completes a variant spelling while it is typed", () => {
    expect(analyzeQuery("kri").at(0)?.alternatives).toContain("keripik");
    expect(analyzeQuery("kri garut").at(0)?.alternatives).not.toContain("keripik");
  });

  test("drops stop words unless nothing else is left, and finds no words in symbols", () => {
    expect(analyzeQuery("tas dari pandan").map((w) => w.word)).toEqual(["tas", "pandan"]);
    expect(analyzeQuery("yang").map((w) => w.word)).toEqual(["yang"]);
    expect(analyzeQuery("!!! @@ ###")).toEqual([]);
    expect(analyzeQuery("")).toEqual([]);
  });

  test("allows typos like Meilisearch: none under five letters, one from five, two from nine", () => {
    expect(typoBudget("kopi")).toBe(0);
    expect(typoBudget("sambal")).toBe(1);
    expect(typoBudget("keranjang")).toBe(2);
    expect(typoBudget("250g")).toBe(0);
  });

  test("marks the words of a title whose index terms matched, keeping the original text", () => {
    const segments = highlightSegments("Kripik Singkong — Pedas!", new Set(["keripik", "pedas"]));
    expect(segments).toEqual([
      { text: "Kripik", match: true },
      { text: " Singkong — ", match: false },
      { text: "Pedas", match: true },
      { text: "!", match: false },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("Kripik Singkong — Pedas!");
    expect(highlightSegments("Tas Anyaman", new Set(["anyam"]))).toEqual([
      { text: "Tas ", match: false },
      { text: "Anyaman", match: true },
    ]);
  });

  test("reads Meilisearch's marked text into segments, markup in titles staying text", () => {
    expect(segmentsFromMarkers("\uE000Sambal\uE001 <b>Bawang</b>", "\uE000", "\uE001")).toEqual([
      { text: "Sambal", match: true },
      { text: " <b>Bawang</b>", match: false },
    ]);
    expect(segmentsFromMarkers("plain", "\uE000", "\uE001")).toEqual([{ text: "plain", match: false }]);
  });

  test("gives Meilisearch the same variants and synonyms, in both directions", () => {
    const synonyms = meilisearchSynonyms();
    expect(synonyms.sambel).toContain("sambal");
    expect(synonyms.sambal).toContain("sambel");
    expect(synonyms.kripik).toEqual(expect.arrayContaining(["keripik", "kripek"]));
    expect(synonyms["gula merah"]).toContain("gula aren");
    expect(synonyms["gula aren"]).toEqual(expect.arrayContaining(["gula merah", "gula jawa"]));
    expect(synonyms.boboko).toContain("bakul");
  });
});
