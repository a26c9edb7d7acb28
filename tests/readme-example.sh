#!/bin/sh
# The C example of README.md must compile warning-free and print the
# figure worked by hand: white 1 of 1 trained, BME 1 of 2, so RL = 2.00.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
awk '/^```c$/{on=1;next} /^```$/{on=0} on' README.md > "$t/ex.c"
${CC:-cc} -std=c11 -Wall -Wextra -Werror -Iinclude "$t/ex.c" build/libwres.a -lm -o "$t/ex"
"$t/ex" > "$t/out"
grep -q '^indicator 4: 2.00$' "$t/out" || { echo "README example: wrong output"; cat "$t/out"; exit 1; }
python3 -c 'import json,sys; json.loads(sys.stdin.read().split("\n",1)[1])' < "$t/out"
echo "README example: compiles, runs, prints the hand-worked figure"
