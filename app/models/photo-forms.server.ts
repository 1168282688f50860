import { z } from "zod";
import { MAX_ALT_LENGTH } from "./product-photos.server";

// Server only (zod stays out of the browser). Messages are translation keys of app/locales/photos.ts.

const imageId = z.string({ error: "photos.errorBadRequest" }).trim().min(1, "photos.errorBadRequest").max(64, "photos.errorBadRequest");

/** The photos page's small forms; uploads come as multipart bodies and are read apart. */
export const photoActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.enum(["first", "up", "down"]), imageId }),
    z.object({ intent: z.literal("delete"), imageId }),
    z.object({ intent: z.literal("alt"), imageId, alt: z.string().max(MAX_ALT_LENGTH, "photos.errorAltTooLong").default("") }),
  ],
  { error: "photos.errorBadRequest" },
);

export const logoActionSchema = z.object({ intent: z.literal("remove", { error: "photos.errorBadRequest" }) });
