/**
 * Indonesian text analysis shared by indexing and querying: words are folded (lower case, no accents),
 * spelling variants become the standard spelling, and an affix stemmer adds the root word so
 * "anyaman", "dianyam" and "menganyam" meet at "anyam".
 *
 * The stemmer is `@orama/stemmers/indonesian` (Tala's rule-based algorithm from Snowball, no dictionary).
 * Without a dictionary it sometimes cuts a word into another one (kemeja → meja); `stem` refuses
 * those cuts by a few guards and the protected list in vocabulary.server.ts.
 */
import { stemmer as talaStemmer } from "@orama/stemmers/indonesian";
import type { HighlightSegment } from "./types";
import { PHRASE_VARIANTS, SPELLING_VARIANTS, STEM_PROTECTED, STOP_WORDS, SYNONYM_GROUPS } from "./vocabulary.server";

/** A word: letters and digits, with apostrophes inside it (Se'i, Lu'at) kept as part of the word. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export type WordSpan = { start: number; end: number; word: string };

/**
 * Lower case, accents and apostrophes removed: "Se'i" → "sei", "Café" → "cafe". Anything that is not
 * a letter or digit after decomposition goes too ("½" decomposes to "1⁄2"): a folded word is always
 * one token, for the index and the query alike.
 */
export function foldWord(raw: string): string {
  return raw.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}

/** The words of a text with their positions in it (for highlighting the original text). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word) spans.push({ start: match.index, end: match.index + match[0].length, word });
  }
  return spans;
}

export function words(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

const phraseVariants = PHRASE_VARIANTS.map(([variant, standard]) => ({ from: variant.split(" "), to: standard.split(" ") }));

/** Standard spellings, word for word: the result has as many words as the input. */
export function canonicalWords(folded: string[]): string[] {
  const out = folded.map((w) => SPELLING_VARIANTS[w] ?? w);
  for (const { from, to } of phraseVariants) {
    for (let i = 0; i + from.length <= out.length; i++) {
      if (from.every((w, k) => out[i + k] === w)) {
        for (let k = 0; k < to.length; k++) out[i + k] = to[k]!;
        i += from.length - 1;
      }
    }
  }
  return out;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * The root of a word, or the word itself when stemming would be unsafe: short words, numbers,
 * protected words, roots under four letters (terasi → asi), a lone "ke-" (kemeja → meja) or a lone
 * "-i" (selai → sela) removed.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let root = word;
  if (word.length >= 5 && !/\d/.test(word) && !STEM_PROTECTED.has(word)) {
    const candidate = talaStemmer(word);
    const unsafe = candidate.length < 4 || word === `ke${candidate}` || word === `${candidate}i`;
    if (!unsafe) root = candidate;
  }
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, root);
  return root;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The terms a document's word is indexed under: its standard spelling and its root. */
export function indexTermsOf(canonicalWord: string): string[] {
  if (isStopWord(canonicalWord)) return [];
  const root = stem(canonicalWord);
  return root === canonicalWord ? [canonicalWord] : [canonicalWord, root];
}

/** Every indexed term of a text, in order (duplicates kept: term frequency matters to ranking). */
export function indexTerms(text: string): string[] {
  return canonicalWords(words(text)).flatMap(indexTermsOf);
}

const synonymsOf = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const member of group) {
    synonymsOf.set(member, [...(synonymsOf.get(member) ?? []), ...group.filter((m) => m !== member)]);
  }
}

export function synonyms(canonicalWord: string): string[] {
  return synonymsOf.get(canonicalWord) ?? [];
}

const variantSpellings = Object.keys(SPELLING_VARIANTS);

/** Standard spellings of the variants that start with these letters (three or more). */
function variantCompletions(prefix: string): string[] {
  if (prefix.length < 3) return [];
  return [...new Set(variantSpellings.filter((v) => v.startsWith(prefix) && v !== prefix).map((v) => SPELLING_VARIANTS[v]!))];
}

export interface QueryWord {
  /** Standard spelling of what was typed: matched with typo tolerance (and as a prefix when last). */
  word: string;
  /** Its root, its synonyms and their roots (and, while typed, standard spellings it may be the start of): matched exactly, ranked a little lower. */
  alternatives: string[];
  /** The word being typed: matched as a prefix too ("kerip" finds "keripik"). */
  last: boolean;
}

/**
 * A query as the engines match it. Stop words are dropped unless the query has nothing else.
 * Returns [] for a query with no letters or digits.
 */
export function analyzeQuery(text: string): QueryWord[] {
  const canonical = canonicalWords(words(text));
  const meaningful = canonical.filter((w) => !isStopWord(w));
  const kept = meaningful.length > 0 ? meaningful : canonical;
  return kept.map((word, i) => {
    const alternatives = new Set<string>();
    const root = stem(word);
    if (root !== word) alternatives.add(root);
    for (const synonym of synonyms(word)) {
      alternatives.add(synonym);
      alternatives.add(stem(synonym));
    }
    const last = i === kept.length - 1;
    // A word still being typed may be the start of a variant spelling: "kri" → kripik → keripik.
    if (last) for (const standard of variantCompletions(word)) alternatives.add(standard);
    alternatives.delete(word);
    return { word, alternatives: [...alternatives], last };
  });
}

/**
 * How many typos a word of this length may have, as Meilisearch's defaults allow: none under
 * five letters, one from five, two from nine. Numbers must be exact.
 */
export function typoBudget(word: string): number {
  if (/\d/.test(word)) return 0;
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

/**
 * Splits a text into plain and matched pieces: a word is marked when one of its index terms is in
 * `matchedTerms`, or starts with one of `prefixes` (the word being typed).
 */
export function highlightSegments(text: string, matchedTerms: ReadonlySet<string>, prefixes: readonly string[] = []): HighlightSegment[] {
  const spans = wordSpans(text);
  const canonical = canonicalWords(spans.map((s) => s.word));
  const segments: HighlightSegment[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.match === match) previous.text += piece;
    else segments.push({ text: piece, match });
  };
  let cursor = 0;
  spans.forEach((span, i) => {
    const word = canonical[i]!;
    const match = matchedTerms.has(word) || matchedTerms.has(stem(word)) || prefixes.some((p) => word.startsWith(p));
    push(text.slice(cursor, span.start), false);
    push(text.slice(span.start, span.end), match);
    cursor = span.end;
  });
  push(text.slice(cursor), false);
  return segments;
}

/** Highlight segments from a text whose matches are wrapped in the given marker strings (Meilisearch's `_formatted`). */
export function segmentsFromMarkers(formatted: string, pre: string, post: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let rest = formatted;
  while (rest.length > 0) {
    const open = rest.indexOf(pre);
    if (open === -1) {
      segments.push({ text: rest, match: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(post, open + pre.length);
    const end = close === -1 ? rest.length : close;
    const marked = rest.slice(open + pre.length, end);
    if (marked) segments.push({ text: marked, match: true });
    rest = close === -1 ? "" : rest.slice(close + post.length);
  }
  return segments.filter((s) => s.text.length > 0);
}
