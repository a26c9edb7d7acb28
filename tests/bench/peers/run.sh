#!/bin/sh
# run.sh [DIR] - make bench-peers: the national files of DIR (default
# build/bench/national-x1, what make bench generates) through libwres
# (wres-bench --json), DuckDB (duckdb_wres.mjs, 2 threads) and pandas
# (pandas_wres.py), one after the other in the same run, each timed (wall and
# CPU seconds, peak RSS); then compare.py checks both peers' per-(org, year)
# figures against libwres's, and the table of times and libwres's ratios is
# printed.  Exits non-zero if a tool fails or any figure differs.
# Installs what it needs: @duckdb/node-api under tests/bench/peers/node_modules
# (npm ci, from package-lock.json) and Debian's python3-pandas if no python3
# here imports pandas.  WRES_BENCH names the wres-bench binary (default
# build/bench/wres-bench); KEEP=DIR keeps the three JSON outputs in DIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
dir=${1:-build/bench/national-x1}
bench=${WRES_BENCH:-build/bench/wres-bench}

for f in staff applicants survey survey_counts board; do
    [ -f "$dir/$f.csv" ] || { echo "bench-peers: no $dir/$f.csv (make bench generates build/bench/national-x1)" >&2; exit 2; }
done
[ -x "$bench" ] || { echo "bench-peers: no $bench (make $bench)" >&2; exit 2; }

# ---- the peers' software ------------------------------------------------------
command -v node > /dev/null && command -v npm > /dev/null ||
    { echo "bench-peers: needs Node.js and npm" >&2; exit 2; }
if ! [ -f "$here/node_modules/@duckdb/node-api/package.json" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "bench-peers: npm ci (@duckdb/node-api)"
    npm ci --prefix "$here" --no-audit --no-fund --loglevel=error > /dev/null
fi
py=
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import pandas' 2> /dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
    echo "bench-peers: apt-get install python3-pandas"
    apt-get install -y -qq python3-pandas > /dev/null 2>&1 ||
        { apt-get update -qq > /dev/null && apt-get install -y -qq python3-pandas > /dev/null; }
    py=/usr/bin/python3
    "$py" -c 'import pandas' || { echo "bench-peers: pandas still not importable" >&2; exit 2; }
fi

# ---- the runs -----------------------------------------------------------------
out=${KEEP:-}
if [ -n "$out" ]; then mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
res=$out/times
: > "$res"
bytes=$(cat "$dir"/staff.csv "$dir"/applicants.csv "$dir"/survey.csv "$dir"/survey_counts.csv "$dir"/board.csv | wc -c)
echo "bench-peers: $dir, $(awk "BEGIN { printf \"%.0f\", $bytes / 1e6 }") MB; libwres $(sed -n 's/^#define WRES_VERSION_STRING "\(.*\)"/\1/p' include/wres.h), DuckDB $(node -p "require('$here/node_modules/@duckdb/node-api/package.json').version"), pandas $("$py" -c 'import pandas; print(pandas.__version__)'), $(nproc) cores"
# the files into the page cache first, so that no tool pays for the disk
cat "$dir"/*.csv > /dev/null

fail=0
"$py" "$here/measure.py" run libwres "$res" "$out/libwres.json" -- "$bench" --json "$dir" 2> "$out/libwres.err" ||
    { echo "bench-peers: wres-bench failed:" >&2; cat "$out/libwres.err" >&2; fail=1; }
"$py" "$here/measure.py" run duckdb "$res" /dev/null -- node "$here/duckdb_wres.mjs" "$dir" "$out/duckdb.json" ||
    { echo "bench-peers: the DuckDB peer failed" >&2; fail=1; }
"$py" "$here/measure.py" run pandas "$res" /dev/null -- "$py" "$here/pandas_wres.py" "$dir" "$out/pandas.json" ||
    { echo "bench-peers: the pandas peer failed" >&2; fail=1; }

if [ $fail -eq 0 ]; then
    "$py" "$here/compare.py" "$out/libwres.json" duckdb="$out/duckdb.json" pandas="$out/pandas.json" || fail=1
fi
echo
inner=$(sed -n 's/^ingest + reports *\([0-9.]*\) s.*/\1/p' "$out/libwres.err" 2> /dev/null || :)
"$py" "$here/measure.py" table "$res" "$inner"
exit $fail
