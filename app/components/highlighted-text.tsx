import type { HighlightSegment } from "~/services/search/types";

/**
 * A title with the words that matched the search marked. The segments are plain text from the
 * index and React escapes them; nothing is ever inserted as HTML.
 */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
