#!/usr/bin/env bash
# All tests: typecheck, unit tests, build, end-to-end tests in real Chromium and Firefox ESR with the built extension,
# and in Chromium with the built userscript (.output/sverka.user.js).
# Prints one closing line "N passed, N failed" covering unit and e2e tests; exits non-zero on any failure
# or when no test ran. A failed typecheck or build counts as one failed test each.
set -u
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/unit.json .tmp/e2e.json .tmp/firefox.json
failed_steps=0

step() { printf '\n== %s\n' "$1"; }

step "typecheck"
npx wxt prepare >/dev/null 2>&1
npx tsc --noEmit -p . || failed_steps=$((failed_steps + 1))

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit.json

step "build"
# the shipped packages (npm run zip: chrome-mv3, firefox-mv2, their zips and the AMO sources zip), and the
# test builds (in-page shadow roots open for the e2e tests)
npx wxt zip >/dev/null 2>&1 && echo "built .output/chrome-mv3" || { echo "build failed"; failed_steps=$((failed_steps + 1)); }
npx wxt build --mode e2e >/dev/null 2>&1 && echo "built .output/chrome-mv3-e2e (test build)" || { echo "test build failed"; failed_steps=$((failed_steps + 1)); }
npx wxt zip -b firefox >/dev/null 2>&1 && echo "built .output/firefox-mv2" || { echo "Firefox build failed"; failed_steps=$((failed_steps + 1)); }
npx wxt build -b firefox --mode e2e >/dev/null 2>&1 && echo "built .output/firefox-mv2-e2e (test build)" || { echo "Firefox test build failed"; failed_steps=$((failed_steps + 1)); }

step "build userscript"
npx tsx scripts/build-userscript.ts || { echo "userscript build failed"; failed_steps=$((failed_steps + 1)); }
npx tsx scripts/build-userscript.ts --e2e || { echo "userscript test build failed"; failed_steps=$((failed_steps + 1)); }

step "end-to-end tests (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium})"
SVERKA_SKIP_BUILD=1 npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/e2e.json

step "end-to-end tests (Firefox ESR: ${FIREFOX_PATH:-/usr/bin/firefox-esr}) and store packages"
SVERKA_SKIP_BUILD=1 npx vitest run --project firefox --project package --reporter=default --reporter=json --outputFile.json=.tmp/firefox.json

node -e '
const fs = require("fs");
let passed = 0, failed = Number(process.argv[1]);
for (const f of [".tmp/unit.json", ".tmp/e2e.json", ".tmp/firefox.json"]) {
  if (!fs.existsSync(f)) { failed += 1; console.error("no results from " + f); continue; }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
  if (r.numTotalTests === 0) { failed += 1; console.error("no tests ran in " + f); }
  // a test file that failed to load has no failed test of its own: count it as one
  for (const s of r.testResults || []) if (s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")) failed += 1;
}
console.log("");
console.log(passed + " passed, " + failed + " failed");
process.exit(failed > 0 || passed === 0 ? 1 : 0);
' "$failed_steps"
