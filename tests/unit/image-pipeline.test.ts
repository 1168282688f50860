import sharp from "sharp";
import { ImageRejectedError, MAX_IMAGE_BYTES, processProductImage, sniffImageFormat } from "~/models/image-pipeline.server";
import { STORAGE_KEY_PATTERN } from "~/utils/images";

function photo(width: number, height: number, color = "#c0392b") {
  // A gradient plus a shape, so the encoders have real content to work with.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#f5deb3"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 3}" r="${Math.min(width, height) / 4}" fill="#2c3e50"/></svg>`;
  return sharp(Buffer.from(svg));
}

async function rejection(input: Buffer): Promise<ImageRejectedError> {
  const error = await processProductImage(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  return error as ImageRejectedError;
}

/** True when an EXIF block (as sharp returns it) points at a GPS sub-IFD (tag 0x8825). */
function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf("Exif\0\0", 0, "latin1") + 6);
  const littleEndian = tiff.subarray(0, 2).toString("latin1") === "II";
  return exif.includes(Buffer.from(littleEndian ? [0x25, 0x88] : [0x88, 0x25]));
}

describe("processProductImage refuses", () => {
  test("a text file named like a photo", async () => {
    const error = await rejection(Buffer.from("Ini bukan foto, hanya catatan belanja.\n"));
    expect(error.code).toBe("not_an_image");
  });

  test("an SVG with a script, without handing it to a decoder", async () => {
    const svg = Buffer.from(
      `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>`,
    );
    expect((await rejection(svg)).code).toBe("unsupported_format");
  });

  test("a GIF", async () => {
    const gif = await photo(32, 32).gif().toBuffer();
    expect((await rejection(gif)).code).toBe("unsupported_format");
  });

  test("a PNG decompression bomb: tiny file, 100 megapixels", async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#ffffff" } })
      .toColourspace("b-w")
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await rejection(bomb)).code).toBe("too_many_pixels");
  });

  test("a truncated JPEG", async () => {
    const jpeg = await photo(800, 600).jpeg({ quality: 90 }).toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect((await rejection(truncated)).code).toBe("corrupt");
  });

  test("a file over 10 MB before looking at it", async () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await rejection(big)).code).toBe("too_large");
  });

  test("JPEG magic bytes followed by garbage", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("not really a jpeg".repeat(20))]);
    expect(["corrupt", "not_an_image"]).toContain((await rejection(fake)).code);
  });
});

describe("processProductImage accepts", () => {
  test("a phone photo with GPS, orientation, ICC and XMP, and keeps none of them", async () => {
    const input = await photo(1200, 800)
      .jpeg()
      .withExif({
        IFD0: { Make: "DemoPhone", Model: "X1" },
        IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "107/1 36/1 0/1" },
      })
      .withMetadata({ orientation: 6 })
      .withIccProfile("p3")
      .withXmp(
        `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="6,54.0S"/></rdf:RDF></x:xmpmeta>`,
      )
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(exifHasGps(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    expect(before.icc).toBeDefined();
    expect(before.xmp).toBeDefined();

    const processed = await processProductImage(input);

    // Orientation 6 is a quarter turn: the stored photo is upright, so width and height swap.
    expect({ width: processed.width, height: processed.height }).toEqual({ width: 800, height: 1200 });
    expect(processed.renditions.map((r) => r.width)).toEqual([160, 320, 640]);
    for (const rendition of processed.renditions) {
      const meta = await sharp(rendition.data).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(rendition.width);
      expect(meta.height).toBe(rendition.width * 1.5);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(rendition.data.includes(Buffer.from("DemoPhone"))).toBe(false);
    }
  });

  test("renditions are never wider than the source", async () => {
    const small = await processProductImage(await photo(100, 80).png().toBuffer());
    expect(small.renditions.map((r) => r.width)).toEqual([160]);
    expect((await sharp(small.renditions[0]!.data).metadata()).width).toBe(100);

    const medium = await processProductImage(await photo(700, 700).webp().toBuffer());
    expect(medium.renditions.map((r) => r.width)).toEqual([160, 320, 640]);

    const large = await processProductImage(await photo(2000, 1500).jpeg().toBuffer());
    expect(large.renditions.map((r) => r.width)).toEqual([160, 320, 640, 960]);
    for (const r of large.renditions) expect((await sharp(r.data).metadata()).width).toBe(r.width);
  });

  test("identical bytes give the identical key; different photos give different keys", async () => {
    const a = await photo(500, 400).jpeg().toBuffer();
    const b = await photo(500, 400, "#27ae60").jpeg().toBuffer();
    const [first, again, other] = await Promise.all([a, Buffer.from(a), b].map((buf) => processProductImage(buf)));
    expect(first!.storageKey).toMatch(STORAGE_KEY_PATTERN);
    expect(again!.storageKey).toBe(first!.storageKey);
    expect(other!.storageKey).not.toBe(first!.storageKey);
  });

  test("gives a tiny WebP placeholder", async () => {
    const processed = await processProductImage(await photo(960, 720).jpeg().toBuffer());
    expect(processed.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    const bytes = Buffer.from(processed.placeholder.split(",")[1]!, "base64");
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 16, height: 12 });
    expect(processed.placeholder.length).toBeLessThan(400);
  });

  test("AVIF", async () => {
    const avif = await photo(400, 300).avif().toBuffer();
    const processed = await processProductImage(avif);
    expect(processed).toMatchObject({ width: 400, height: 300 });
  });
});

describe("sniffImageFormat", () => {
  test("reads the format from the bytes, not the name", async () => {
    expect(sniffImageFormat(await photo(8, 8).png().toBuffer())).toBe("png");
    expect(sniffImageFormat(await photo(8, 8).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageFormat(await photo(8, 8).webp().toBuffer())).toBe("webp");
    expect(sniffImageFormat(await photo(8, 8).tiff().toBuffer())).toBe("unsupported");
    expect(sniffImageFormat(Buffer.from("\uFEFF  <!-- logo --><svg viewBox='0 0 1 1'></svg>"))).toBe("unsupported");
    expect(sniffImageFormat(Buffer.from("<html><body>hi</body></html>"))).toBe("unknown");
    expect(sniffImageFormat(Buffer.alloc(0))).toBe("unknown");
  });
});
