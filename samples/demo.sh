#!/usr/bin/env bash
# `make demo`: the main job on the bundled sample corpus (invented outlets, people and events;
# real place names). First one article through `tidings extract`, then the whole corpus into a
# fresh store with `tidings ingest`, and what a desk would look at first: the timeline of one
# person, the quote book, and the stories with how many outlets corroborate each.
set -euo pipefail
cd "$(dirname "$0")/.."
tidings=.venv/bin/tidings
out=${TIDINGS_DEMO_OUT:-out/demo}
db="$out/demo.db"
mkdir -p "$out"
rm -f "$db" "$db-wal" "$db-shm"

section() { printf '\n== %s ==\n\n' "$*"; }

section "tidings extract --format md samples/articles/2026-03-02-pamir-courier-khorog-clashes.txt"
"$tidings" extract --format md samples/articles/2026-03-02-pamir-courier-khorog-clashes.txt
"$tidings" extract samples/articles/2026-03-02-pamir-courier-khorog-clashes.txt > "$out/extract.json"

section "tidings ingest --db $db samples/articles samples/corpus"
"$tidings" ingest --db "$db" samples/articles samples/corpus

section "tidings stats"
"$tidings" stats --db "$db"

section "tidings timeline --entity 'Davron Nazarov'"
"$tidings" timeline --db "$db" --entity "Davron Nazarov" --format table --limit 25

section "tidings quotes --speaker 'Farrukh Nazarov'"
"$tidings" quotes --db "$db" --speaker "Farrukh Nazarov" --format table --limit 15

section "tidings stories"
"$tidings" stories --db "$db" --format table --limit 12

section "tidings search 'landslide Vanj'"
"$tidings" search --db "$db" --format table --limit 5 "landslide Vanj"

echo
echo "The store is $db; try: $tidings events --db $db --type PROTEST --format table"
echo "Exports: $tidings export --db $db --format acled -o $out/acled.csv (or jsonl, csv, gdelt, geojson, parquet)"
