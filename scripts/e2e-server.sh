#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts): a fresh database with the demo seed, then the
# production build served exactly as `npm start` serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf tests/.tmp/e2e && mkdir -p tests/.tmp/e2e
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts
exec npx remix-serve ./build/index.js
