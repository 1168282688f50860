import { useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "~/utils/i18n-react";
import type { HighlightSegment } from "~/services/search/types";
import { HighlightedText } from "./highlighted-text";

/** What /cari/saran answers (routes/cari.saran.tsx). */
export type SuggestionItem = { slug: string; title: string; titleHighlight: HighlightSegment[] };
export type SuggestResponse = { query: string; suggestions: SuggestionItem[] };

const SUGGEST_URL = "/cari/saran";
const DEBOUNCE_MS = 120;
const MIN_CHARS = 2;

/**
 * A search field that suggests products while the shopper types (a combobox with a listbox, keyboard
 * and screen-reader friendly). Without JavaScript it is a plain text field of its GET form, named "q".
 */
export function SearchSuggest({
  id,
  defaultValue = "",
  label,
  placeholder,
}: {
  id: string;
  defaultValue?: string;
  label: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<SuggestionItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const pending = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  function requestSuggestions(text: string) {
    clearTimeout(timer.current);
    pending.current?.abort();
    if (text.trim().length < MIN_CHARS) {
      setItems([]);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      pending.current = controller;
      try {
        const response = await fetch(`${SUGGEST_URL}?q=${encodeURIComponent(text)}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) return;
        const body = (await response.json()) as SuggestResponse;
        setItems(body.suggestions);
        setActive(-1);
        setOpen(body.suggestions.length > 0);
      } catch {
        // Aborted by the next keystroke, or offline: the plain search still works.
      }
    }, DEBOUNCE_MS);
  }

  function choose(item: SuggestionItem) {
    setOpen(false);
    navigate(`/produk/${encodeURIComponent(item.slug)}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
      return;
    }
    if (!open || items.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the text field itself: moving past either end comes back to it.
      setActive((current) => {
        const next = current + step;
        if (next < -1) return items.length - 1;
        return next >= items.length ? -1 : next;
      });
    } else if (event.key === "Enter" && active >= 0 && active < items.length) {
      event.preventDefault();
      choose(items[active]!);
    }
  }

  const activeId = open && active >= 0 && active < items.length ? `${listId}-${active}` : undefined;
  return (
    <div className="search-suggest">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder={placeholder}
        maxLength={200}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        onChange={(event) => {
          setValue(event.target.value);
          requestSuggestions(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(items.length > 0)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("search.suggestions")}
        className="search-suggest__list"
        hidden={!open}
        // Keeps the focus in the field so a click on an option is not lost to the blur that closes the list.
        onMouseDown={(event) => event.preventDefault()}
      >
        {items.map((item, i) => (
          <li
            key={item.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-suggest__option"
            onClick={() => choose(item)}
          >
            <HighlightedText segments={item.titleHighlight} />
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {open ? t("search.suggestionsCount", { count: items.length }) : ""}
      </p>
    </div>
  );
}
