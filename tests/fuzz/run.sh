#!/bin/sh
# run.sh BUILD SECONDS TARGET... - run each libFuzzer target for SECONDS,
# print its executions and coverage, and fail if any target finds a crash
# (the input is kept in tests/fuzz/crashes/TARGET/ for make check to replay).
set -u
build=$1
secs=$2
shift 2
status=0
for t in "$@"; do
    work=$build/fuzz/work_$t
    mkdir -p "$work" "tests/fuzz/crashes/$t"
    log=$build/fuzz/$t.log
    "$build/fuzz/fuzz_$t" -max_total_time="$secs" -dict=tests/fuzz/wres.dict \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="tests/fuzz/crashes/$t/" "$work" "tests/fuzz/corpus/$t" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -n 1 | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*/\1 edges, \2 features/p')
    echo "fuzz $t: ${secs} s, ${execs:-?} executions, coverage ${cov:-?}"
    if [ $rc -ne 0 ]; then
        echo "fuzz $t: FAILED (exit $rc):"
        grep -E 'ERROR|SUMMARY|artifact|#[0-9]+ 0x' "$log" | head -n 20
        status=1
    fi
done
exit $status
