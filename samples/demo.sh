#!/usr/bin/env bash
# `make demo`: extract the bundled sample articles (invented outlets, people and events) and
# show what Tidings found in each. Plain text has no publication date, so the date in the file
# name is passed with --published; the HTML page carries its own.
set -euo pipefail
cd "$(dirname "$0")/.."
tidings=.venv/bin/tidings
out=${TIDINGS_DEMO_OUT:-out/demo}
mkdir -p "$out"
for article in samples/articles/*; do
  name=$(basename "$article")
  name=${name%.*}
  args=()
  case "$article" in
    *.txt) args=(--published "${name:0:10}") ;;
  esac
  echo "=================================================================="
  echo "  $article"
  echo "=================================================================="
  "$tidings" extract "${args[@]}" "$article" > "$out/$name.json"
  "$tidings" extract "${args[@]}" --format md "$article"
done
echo "JSON records (tidings/article@1) written to $out/"
