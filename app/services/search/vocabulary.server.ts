/**
 * Domain knowledge of the search: how shoppers spell the products sold on Pasar Mandiri.
 *
 * Where the entries come from:
 * - The standard spelling is the one in KBBI (Kamus Besar Bahasa Indonesia, Badan Bahasa), which
 *   lists several of these as non-standard forms of the standard word: sambel → sambal, cabe → cabai,
 *   pete → petai, cemilan → camilan, krupuk → kerupuk, trasi → terasi, sereh → serai.
 * - The other variants are colloquial or regional (Sundanese, Javanese) spellings common in Indonesian
 *   marketplace listings and in our sellers' own product names: kripik/kripek, pedes, ijo, ranginang,
 *   boboko (Sundanese for a rice basket), nyiru (a winnowing tray), kastengel/kaastengel.
 * - English words are there because the site has an English interface and shoppers type what they know.
 *
 * Every entry changes both engines: the embedded engine applies it to documents and queries,
 * the Meilisearch engine sends it as index synonyms. Keep the lists small and certain; a wrong
 * synonym costs precision for every shopper.
 */

/** Single-word spelling variants → standard spelling. Applied to documents and queries alike. */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  kripik: "keripik",
  kripek: "keripik",
  keripek: "keripik",
  sambel: "sambal",
  krupuk: "kerupuk",
  kurupuk: "kerupuk",
  pedes: "pedas",
  cabe: "cabai",
  cabay: "cabai",
  pete: "petai",
  cemilan: "camilan",
  trasi: "terasi",
  ijo: "hijau",
  sereh: "serai",
  ranginang: "rengginang",
  kaastengel: "kastengel",
  kastangel: "kastengel",
  kaasstengel: "kastengel",
  mede: "mete",
  ori: "original",
  orisinal: "original",
  arabica: "arabika",
  sarong: "sarung",
};

/**
 * Multi-word variants, each with as many words as its standard phrase so a title's words keep
 * their positions (highlighting needs them). Palm sugar goes by its colour and region too.
 */
export const PHRASE_VARIANTS: readonly (readonly [variant: string, standard: string])[] = [
  ["gula merah", "gula aren"],
  ["gula jawa", "gula aren"],
  ["gula batok", "gula aren"],
];

/**
 * Different words a shopper means the same by. A query word also finds its group's other words
 * (documents are not rewritten). Members are written in their standard spelling.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["camilan", "jajanan", "kudapan", "snack"],
  ["bakul", "boboko"],
  ["tampah", "nyiru"],
  ["kelulut", "trigona"],
  ["syal", "scarf"],
  ["keripik", "chips"],
  ["kopi", "coffee"],
  ["madu", "honey"],
  ["sabun", "soap"],
  ["tas", "bag"],
  ["bambu", "bamboo"],
  ["ikan", "fish"],
  ["pedas", "spicy"],
  ["gula", "sugar"],
  ["kue", "cookies", "cookie"],
  ["tenun", "woven"],
  ["lilin", "wax"],
];

/**
 * Words the affix stemmer would cut into another word (kerajinan → rajin "diligent", lebaran → lebar
 * "wide", pepaya → paya "swamp"): indexed and searched as written. text-analysis.server.ts already
 * refuses roots under four letters, a lone "ke-" (kemeja → meja) and a lone "-i" (selai → sela);
 * this list holds the cuts those guards let through, found by running the stemmer over product words.
 */
export const STEM_PROTECTED: ReadonlySet<string> = new Set([
  "kerajinan",
  "lebaran",
  "pelepah",
  "pepaya",
  "tatakan",
  "kaleku",
  "pelangi",
  "perempuan",
  "penganan",
]);

/** Words too common to tell products apart (Indonesian and English function words). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "yang",
  "dan",
  "di",
  "ke",
  "dari",
  "untuk",
  "dengan",
  "atau",
  "ini",
  "itu",
  "pada",
  "dalam",
  "juga",
  "adalah",
  "akan",
  "sangat",
  "the",
  "and",
  "of",
  "for",
  "with",
]);
