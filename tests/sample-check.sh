#!/bin/sh
# The bundled sample trust is made by examples/gen-sample.c from a fixed
# seed: regenerating it must give the committed files byte for byte.
set -e
gen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" "$tmp" >/dev/null
for f in staff applicants survey survey_counts board; do
    cmp "$tmp/$f.csv" "examples/data/$f.csv"
done
echo "sample data: regenerated files match examples/data"
