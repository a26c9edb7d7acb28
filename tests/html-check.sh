#!/bin/sh
# html-check.sh BIN - the sample trust's HTML report (BIN --format html
# --groups, org RXX: with the charts over the years and by ethnic group),
# and its publication-safe page (--publish), are well-formed, checked by a
# parser that is not ours (xmllint, Debian's libxml2-utils):
#   1. xmllint --html reports no error.  Its HTML parser (libxml2 2.9)
#      knows HTML 4 only and reports every HTML5 or SVG element as
#      "Tag NAME invalid"; those reports are dropped for the elements the
#      page uses (listed below), any other report fails;
#   2. the whole page parses as strict XML (the writer writes polyglot
#      HTML: every element closed, every attribute quoted);
#   3. each <svg>...</svg>, cut out on its own, parses as strict XML, and
#      there is one per chart: 30 for the sample trust (12 of the year,
#      9 over the years, 9 by ethnic group), and as many on the
#      publication-safe page (whose group and trend charts are under the
#      same disclosure control);
#   4. the page fetches and runs nothing: no script, link, img, src= or
#      url() other than url(#...).
# Prints a one-line summary; exits non-zero on any failure.
set -u
if [ $# -ne 1 ]; then
    echo "usage: $0 BIN" >&2
    exit 2
fi
case $1 in /*) bin=$1 ;; *) bin=$(pwd)/$1 ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v xmllint > /dev/null 2>&1; then
    echo "html-check: xmllint not found (apt-get install libxml2-utils)"
    exit 1
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
    fails=$((fails + 1))
    echo "html-check: FAIL: $*"
}

d=examples/data
total=0
for variant in full publish; do
case $variant in
full) opts="--groups"; want=30 ;;
*) opts="--groups --publish"; want=30 ;;
esac
(cd "$top" && "$bin" --staff $d/staff.csv --applicants $d/applicants.csv \
    --survey $d/survey.csv --survey-counts $d/survey_counts.csv \
    --board $d/board.csv --org RXX --format html $opts) > "$t/r.html" 2> /dev/null
s=$?
[ "$s" -le 1 ] || fail "wres-report --format html $opts exits $s"
[ -s "$t/r.html" ] || fail "no HTML written ($opts)"
rm -f "$t"/chart*.svg

# 1. the HTML parser
xmllint --html --noout "$t/r.html" > "$t/html.out" 2>&1
awk -v known="main section header footer nav figure svg desc defs pattern rect path line circle text g" '
    BEGIN { n = split(known, k, " "); for (i = 1; i <= n; i++) ok[k[i]] = 1 }
    skip > 0 { skip--; next }
    /HTML parser error : Tag [a-z]+ invalid$/ {
        name = $0; sub(/.*Tag /, "", name); sub(/ invalid$/, "", name)
        if (name in ok) { skip = 2; next }
    }
    { print }' "$t/html.out" > "$t/html.rest"
if [ -s "$t/html.rest" ]; then
    fail "xmllint --html reports:"
    head -12 "$t/html.rest"
fi

# 2. the page as XML
xmllint --noout "$t/r.html" > "$t/xml.out" 2>&1 || {
    fail "the page is not well-formed XML:"
    head -6 "$t/xml.out"
}

# 3. each SVG on its own
python3 - "$t/r.html" "$t" <<'EOF' > "$t/svgs" || fail "cannot cut out the SVGs"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
for i, s in enumerate(svgs):
    with open("%s/chart%02d.svg" % (sys.argv[2], i), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + s + "\n")
print(len(svgs))
EOF
nsvg=$(cat "$t/svgs")
[ "$nsvg" = "$want" ] || fail "$nsvg charts with $opts, want $want"
total=$((total + nsvg))
for f in "$t"/chart*.svg; do
    [ -e "$f" ] || continue
    xmllint --noout "$f" > "$t/svg.out" 2>&1 || {
        fail "$(basename "$f") is not well-formed XML:"
        head -6 "$t/svg.out"
    }
    grep -q '<title id="[^"]*">[^<]' "$f" || fail "$(basename "$f") has no title"
    grep -q '<desc id="[^"]*">[^<]' "$f" || fail "$(basename "$f") has no desc"
done

# 4. self-contained
for pat in '<script' '<link' '<img' '<iframe' 'src=' '@import'; do
    if grep -q -- "$pat" "$t/r.html"; then fail "the page holds $pat"; fi
done
if grep -o 'url([^#)][^)]*)' "$t/r.html" | grep -q .; then
    fail "the page refers to an outside url()"
fi
done

if [ "$fails" -ne 0 ]; then
    echo "html-check: $fails failure(s)"
    exit 1
fi
echo "html-check: the sample's HTML reports (with groups and trend; publication-safe) parse as HTML and XML, $total charts each valid SVG, self-contained"
