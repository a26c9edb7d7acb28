#!/bin/sh
# exact-check.sh BUILD - the fast path (the memo of decoded values, packed
# ids) gives byte-identical reports to the straightforward path (every
# value decoded, every id a string), on messy data: the sample trust, and
# a small national dataset with bad rows of every kind mixed in.
set -eu
b=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/nat"
"$b/bench/gen-national" "$t/nat" --orgs 30 --scale 0.05 --years 2022,2023,2024 --bad-rows 400 > /dev/null
for d in examples/data "$t/nat"; do
    "$b/bench/wres-bench" --json "$d" > "$t/fast.json" 2> /dev/null
    "$b/bench/wres-bench-slow" --json "$d" > "$t/slow.json" 2> /dev/null
    cmp -s "$t/fast.json" "$t/slow.json" || { echo "exact-check: $d: fast and straightforward paths differ"; exit 1; }
    n=$(grep -c '"library"' "$t/fast.json")
    [ "$n" -gt 0 ] || { echo "exact-check: $d: no reports"; exit 1; }
    echo "exact-check: $d: $n reports byte-identical on both paths"
done
