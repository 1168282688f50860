import { useRef, useState } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { bestRendition, imageSrcSet, imageUrl } from "~/utils/images";

export type GalleryImage = { storageKey: string; width: number; height: number; alt: string; placeholder: string };

/**
 * A product's photos: a swipeable strip (CSS scroll snapping) and thumbnails that are plain links to each
 * photo, so it works without JavaScript. With JavaScript a thumbnail scrolls the strip without moving the
 * page and marks the photo shown. The first photo loads at once; the others when they come near.
 * Each photo shows its tiny blurred placeholder until the real one arrives.
 */
export function ProductGallery({ images }: { images: GalleryImage[] }) {
  const { t } = useTranslation();
  const strip = useRef<HTMLUListElement>(null);
  const [current, setCurrent] = useState(0);

  if (images.length === 0) {
    return (
      <div className="gallery">
        <p className="gallery__empty">{t("browse.noPhoto")}</p>
      </div>
    );
  }

  function show(index: number) {
    const slide = strip.current?.children[index];
    if (!(slide instanceof HTMLElement) || !strip.current) return false;
    strip.current.scrollTo({ left: slide.offsetLeft - strip.current.offsetLeft, behavior: "smooth" });
    setCurrent(index);
    return true;
  }

  return (
    <div className="gallery">
      <ul
        ref={strip}
        className="gallery__strip"
        aria-label={t("browse.gallery")}
        onScroll={(event) => {
          const { scrollLeft, clientWidth } = event.currentTarget;
          if (clientWidth > 0) setCurrent(Math.round(scrollLeft / clientWidth));
        }}
      >
        {images.map((image, index) => (
          <li key={image.storageKey} id={`foto-${index + 1}`} className="gallery__slide">
            <img
              src={imageUrl(image.storageKey, bestRendition(image.width, 640))}
              srcSet={imageSrcSet(image.storageKey, image.width)}
              sizes="(min-width: 60rem) 30rem, calc(100vw - 2rem)"
              width={image.width}
              height={image.height}
              alt={image.alt}
              loading={index === 0 ? "eager" : "lazy"}
              decoding={index === 0 ? "auto" : "async"}
              style={{ backgroundImage: `url("${image.placeholder}")` }}
            />
          </li>
        ))}
      </ul>
      {images.length > 1 ? (
        <ul className="gallery__thumbs">
          {images.map((image, index) => (
            <li key={image.storageKey}>
              <a
                href={`#foto-${index + 1}`}
                aria-label={t("browse.photoOf", { index: index + 1, count: images.length })}
                aria-current={index === current ? "true" : undefined}
                onClick={(event) => {
                  if (show(index)) event.preventDefault();
                }}
              >
                <img
                  src={imageUrl(image.storageKey, bestRendition(image.width, 160))}
                  srcSet={imageSrcSet(image.storageKey, image.width)}
                  sizes="5rem"
                  width={image.width}
                  height={image.height}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  style={{ backgroundImage: `url("${image.placeholder}")` }}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
