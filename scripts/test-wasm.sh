#!/usr/bin/env bash
# The wasm package's tests, from a fresh machine: installs Debian's chromium and
# chromium-driver (never a browser download), builds the package (scripts/build-wasm.sh,
# which installs wasm-bindgen-cli and the npm tools), then runs
#  1. wasm-bindgen-test under Node and in headless Chromium (vectors, error codes),
#  2. the package's .d.ts under `tsc --strict`, and the built package under `node --test`,
#     imported as a user imports it,
#  3. the package on a page and in a Web Worker in headless Chromium (playwright-core),
#     and the demo page clicked through, with a screenshot in test-results/demo.png,
#  4. blsig-wasm/keys (EIP-2333/2334/2335): vectors, errors and keystores exchanged with
#     the command-line tool, under Node and in Chromium (the kdf in a worker, the page's
#     timer still ticking),
#  5. the npm tarball (bindings/wasm/dist/) installed into an empty project, used under
#     Node, from a page without a bundler, and from pages built by Vite and esbuild.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "installing chromium and chromium-driver (apt)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

step "wasm package build (bindings/wasm/pkg)"
(cd bindings/wasm && npm ci --no-audit --no-fund --loglevel=error)
bash scripts/build-wasm.sh
# The same build under a custom CARGO_TARGET_DIR: the script must find the module where
# cargo put it, and the package it makes is the same bytes (paths are remapped).
custom="$(mktemp -d)"
cp bindings/wasm/pkg/blsig_wasm_bg.wasm "$custom/reference.wasm"
CARGO_TARGET_DIR="$custom/target" bash scripts/build-wasm.sh
test -f "$custom/target/wasm32-unknown-unknown/wasm/blsig_wasm.wasm"
cmp "$custom/reference.wasm" bindings/wasm/pkg/blsig_wasm_bg.wasm
rm -rf "$custom"

step "clippy for wasm32 (the wasm-only test files)"
cargo clippy -p blsig-wasm -p blsig-wasm-keys --target wasm32-unknown-unknown --all-targets -- -D warnings

step "wasm-bindgen-test under Node"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test -p blsig-wasm --target wasm32-unknown-unknown

step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p blsig-wasm --target wasm32-unknown-unknown

step "the package's TypeScript types (tsc --strict over test/types-check.ts)"
(cd bindings/wasm && node_modules/.bin/tsc --noEmit --strict --target es2022 --module nodenext \
  --moduleResolution nodenext --lib es2022,dom,esnext.disposable test/types-check.ts)

step "the package under node --test (the full package, then the core-only build's JS layer)"
node --test bindings/wasm/test/node.test.js
BLSIG_PKG=../pkg-core/ BLSIG_CORE_ONLY=1 node --test bindings/wasm/test/node.test.js

step "the package in headless Chromium: test page, worker, demo"
node bindings/wasm/test/run-browser.mjs

step "blsig-wasm/keys: EIP-2333/2335 vectors and CLI interop under Node; the worker kdf and CLI interop in Chromium"
cargo build -p blsig-cli --quiet
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
export BLSIG_CLI="$target_dir/debug/blsig"
node --test bindings/wasm/test/keys.test.js
node bindings/wasm/test/keys-browser.mjs

step "the npm tarball installed into an empty project: under Node and on a page (import map)"
node bindings/wasm/test/install.mjs bindings/wasm/dist/blsig-wasm-*.tgz

step "the npm tarball under bundlers (Vite, esbuild): a page built with each, in headless Chromium"
node bindings/wasm/test/bundlers.mjs bindings/wasm/dist/blsig-wasm-*.tgz
