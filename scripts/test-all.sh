#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find:
# types, unit tests, both builds, the Firefox lint, then the real browsers.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check"
npx tsc --noEmit

step "unit tests (Node)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

step "build: Chromium (MV3) and Firefox (MV3)"
npx wxt build
npx wxt build -b firefox --mv3

step "web-ext lint (Firefox build)"
npm run -s lint:firefox

step "browser tests (Chromium via Playwright, Firefox via puppeteer-core)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json

step "summary"
node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json
