#!/bin/sh
# The shared library exports exactly the committed list of wres_* symbols
# (jansson's check-exports): nothing private leaks, nothing disappears.
set -eu
so=$1
t=$(mktemp)
trap 'rm -f "$t"' EXIT
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ {sub(/@.*/, "", $3); print $3}' | sort > "$t"
if ! diff -u tests/abi/exports.txt "$t"; then
    echo "exports: the exported symbols differ from tests/abi/exports.txt"
    exit 1
fi
if grep -v '^wres_' "$t"; then
    echo "exports: symbols without the wres_ prefix are exported"
    exit 1
fi
echo "exports: $(wc -l < "$t") symbols, as committed"
