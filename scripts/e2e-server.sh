#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts): a fresh database with the demo seed, a local stand-in
# for Stripe's API, then the production build served exactly as `npm start` serves it (node server.js).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf tests/.tmp/e2e && mkdir -p tests/.tmp/e2e
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts

PORT="$STRIPE_FAKE_PORT" npx tsx tests/helpers/stripe-fake-server-cli.ts &
fake=$!
trap 'kill "$fake" 2>/dev/null || true' EXIT INT TERM
node server.js
