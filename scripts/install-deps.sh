#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 machine, and only what
# is missing: Debian packages (emscripten, clang and its sanitizer runtimes,
# chromium) and the npm devDependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v emcc >/dev/null 2>&1 || need+=(emscripten)
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v make >/dev/null 2>&1 || need+=(make)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/llvm-14/lib/clang/14*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
command -v gzip >/dev/null 2>&1 || need+=(gzip)
command -v curl >/dev/null 2>&1 || need+=(curl)  # the real-client tests of http-status serve
# A Korean font, so the page's Korean screenshots (test-output/) show Hangul, not boxes.
[ -d /usr/share/fonts/truetype/nanum ] || need+=(fonts-nanum)
# The embedding recipes' generators (make test-docs): Debian's MkDocs 1.4 and
# Material for MkDocs; VitePress and Docusaurus come from npm.
command -v mkdocs >/dev/null 2>&1 || need+=(mkdocs)
[ -d /usr/share/mkdocs/themes/material ] || need+=(mkdocs-material)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v openssl >/dev/null 2>&1 || need+=(openssl)  # a certificate for the TLS test of lint --url

if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm packages (dev only: the engine and page have no runtime dependencies)
# Installs when any devDependency is missing (by content, not by file times,
# which a checkout or a rebase changes).
missing=$(node -e 'const p = require("./package.json"), fs = require("fs");
  for (const d of Object.keys(p.devDependencies || {})) if (!fs.existsSync("node_modules/" + d + "/package.json")) console.log(d);')
if [ -n "$missing" ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
