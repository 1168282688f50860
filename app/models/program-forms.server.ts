import { z } from "zod";

/** The admin forms of the program area: API tokens. (Targets: graduation-target.server.ts.) */

export const apiTokenActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string({ error: "program.errorTokenName" }).trim().min(3, "program.errorTokenName").max(80, "program.errorTokenName"),
  }),
  z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1).max(64) }),
]);
