#!/bin/sh
# tests/man-check.sh - the man pages are tested, as STYLE rules 15 and 16 ask.
#
# Run from the repository root after `make`:   sh tests/man-check.sh
#
# Fails (exit 1) when:
#   - a function declared WRES_API in include/wres.h, or a wres_* symbol
#     exported by build/libwres.so, has no man/<name>.3;
#   - a man/wres_*.3 page is not named after a function of the header, or
#     its SYNOPSIS lacks that function's prototype;
#   - a prototype in any SYNOPSIS differs from the header's (whitespace
#     normalised), or names a function the header does not declare;
#   - the overview man/wres.3 leaves a function of the header out of its
#     SYNOPSIS;
#   - `mandoc -T lint -W warning` says anything about any page;
#   - a page's NAME does not name the page, a section is unknown or out of
#     the man-pages(7) order, or a man/wres_*.3 page lacks one of NAME,
#     LIBRARY, SYNOPSIS, DESCRIPTION, RETURN VALUE, ERRORS, ATTRIBUTES,
#     VERSIONS, EXAMPLES, SEE ALSO;
#   - a page refers to a wres page (.BR wres... (N)) that does not exist;
#   - a section 3 page has no complete example program, or an example
#     program (an .EX/.EE block of EXAMPLES holding "main(") fails to compile
#     with cc -std=c11 -Wall -Wextra -Werror -pthread -Iinclude against
#     build/libwres.a -lm (-pthread for the threads example), or,
#     run in an empty directory, ends other than with status 0 or 1, or
#     writes other than the output the page shows after "The program
#     prints:" or "It prints:" (standard output) or "On standard error it
#     writes:" (standard error).
# Prints one line per problem and a summary.  Exit 2: it could not run.
#
# The pages are man(7), not mdoc(7): mandoc's mdoc checker wants the BSD
# order (EXAMPLES before ERRORS), which is not the man-pages(7) order the
# pages follow.

set -u

CC=${CC:-cc}
HDR=include/wres.h
LIB=build/libwres.a
SO=build/libwres.so
MANDIR=man

if [ ! -f "$HDR" ] || [ ! -d "$MANDIR" ]; then
    echo "man-check: error: run from the repository root ($HDR and $MANDIR/ not found)"
    exit 2
fi
if ! command -v mandoc >/dev/null 2>&1; then
    echo "man-check: error: mandoc not found: install mandoc to check the man pages"
    exit 2
fi
if [ ! -f "$LIB" ]; then
    echo "man-check: error: $LIB not found: run make first"
    exit 2
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP

nprob=0
npages=0
nexamples=0
noutputs=0
problem() {
    printf '%s\n' "$*"
    nprob=$((nprob + 1))
}

BS=$(printf '\b')

# One prototype per line in, whitespace normalised out.
normalise() {
    sed -e 's/[[:space:]][[:space:]]*/ /g' -e 's/^ //' -e 's/ $//' \
        -e 's/( /(/g' -e 's/ )/)/g' -e 's/ ,/,/g' -e 's/ ;/;/g'
}

# roff escapes of example text back to plain text: \- \(aq \(dq \(rs \&
# and, last, \e.
unroff() {
    sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' \
        -e 's/\\(rs/\\\\/g' -e 's/\\&//g' -e 's/\\e/\\/g'
}

# The function name of each prototype line.
proto_name() {
    sed -e 's/(.*//' -e 's/.*[ *]//'
}

# ---- the header's functions ------------------------------------------------
awk '/^WRES_API[ \t]/ { p = 1; s = "" }
     p { s = s " " $0 }
     p && /;/ { print s; p = 0 }' "$HDR" |
    sed 's/WRES_API[[:space:]]//' | normalise >"$tmp/header.protos"
proto_name <"$tmp/header.protos" >"$tmp/header.names"
# and its function-pointer types (typedef ... (*name)(...);)
awk '/^typedef[ \t].*\(\*/ { p = 1; s = "" }
     p { s = s " " $0 }
     p && /;/ { print s; p = 0 }' "$HDR" | normalise >"$tmp/header.typedefs"
if [ ! -s "$tmp/header.names" ]; then
    echo "man-check: error: no WRES_API function found in $HDR"
    exit 2
fi

# Symbols the shared library exports, when it was built and nm is there.
: >"$tmp/so.names"
if [ -f "$SO" ] && command -v nm >/dev/null 2>&1; then
    nm -D --defined-only "$SO" 2>/dev/null |
        awk '$2 == "T" && $3 ~ /^wres_/ { sub(/@.*/, "", $3); print $3 }' |
        sort -u >"$tmp/so.names"
fi

# ---- every function has its page -------------------------------------------
sort -u "$tmp/header.names" "$tmp/so.names" | while read -r fn; do
    [ -f "$MANDIR/$fn.3" ] || echo "$fn"
done >"$tmp/missing"
while read -r fn; do
    if grep -qx "$fn" "$tmp/header.names"; then
        problem "$MANDIR/$fn.3: missing: $fn is declared in $HDR but has no man page"
    else
        problem "$MANDIR/$fn.3: missing: $fn is exported by $SO but has no man page"
    fi
done <"$tmp/missing"
while read -r fn; do
    grep -qx "$fn" "$tmp/header.names" ||
        problem "$HDR: $fn is exported by $SO but not declared WRES_API"
done <"$tmp/so.names"

# ---- lint --------------------------------------------------------------------
for page in "$MANDIR"/*.[1-9]; do
    [ -f "$page" ] || continue
    head -n 1 "$page" | grep -q '^\.so ' && continue
    mandoc -T lint -W warning "$page" >"$tmp/lint" 2>&1
    while IFS= read -r line; do
        problem "$page: lint: ${line#mandoc: }"
    done <"$tmp/lint"
done

# ---- page by page ------------------------------------------------------------
ORDER='NAME
LIBRARY
SYNOPSIS
CONFIGURATION
DESCRIPTION
OPTIONS
EXIT STATUS
RETURN VALUE
ERRORS
ENVIRONMENT
FILES
ATTRIBUTES
VERSIONS
STANDARDS
HISTORY
NOTES
CAVEATS
BUGS
EXAMPLES
AUTHORS
REPORTING BUGS
COPYRIGHT
SEE ALSO'
REQUIRED='NAME
LIBRARY
SYNOPSIS
DESCRIPTION
RETURN VALUE
ERRORS
ATTRIBUTES
VERSIONS
EXAMPLES
SEE ALSO'

for page in "$MANDIR"/*.[1-9]; do
    [ -f "$page" ] || continue
    npages=$((npages + 1))
    file=${page##*/}
    base=${file%.*}
    sect=${file##*.}

    # A .so link: its target must exist and document the function.
    if head -n 1 "$page" | grep -q '^\.so '; then
        target=$(head -n 1 "$page" | sed 's/^\.so[[:space:]]*//')
        tfile=$MANDIR/${target##*/}
        if [ ! -f "$tfile" ]; then
            problem "$page: .so target $target does not exist"
        elif ! mandoc -T ascii -O width=250 "$tfile" 2>/dev/null |
            sed "s/.$BS//g" | grep -q "[ *]$base("; then
            problem "$page: .so target $target does not document $base"
        fi
        continue
    fi

    # sections, as written
    sed -n 's/^\.SH[[:space:]][[:space:]]*//p' "$page" | tr -d '"' >"$tmp/sections"
    last=0
    while IFS= read -r s; do
        rank=$(printf '%s\n' "$ORDER" | grep -nx "$s" | cut -d: -f1)
        if [ -z "$rank" ]; then
            problem "$page: section '$s' is not a man-pages(7) section"
        elif [ "$rank" -lt "$last" ]; then
            problem "$page: section '$s' is out of the man-pages(7) order"
        else
            last=$rank
        fi
    done <"$tmp/sections"
    case $file in
    wres_*.3)
        printf '%s\n' "$REQUIRED" | while IFS= read -r s; do
            grep -qx "$s" "$tmp/sections" || echo "$s"
        done >"$tmp/lacking"
        while IFS= read -r s; do
            problem "$page: no $s section"
        done <"$tmp/lacking"
        ;;
    esac

    # NAME names the page
    names=$(awk '/^\.SH[ \t]+"?NAME/ { n = 1; next } n && /^[^.]/ { print; exit }' "$page" |
        sed 's/[[:space:]]*\\-.*//' | tr -d ' ')
    case ",$names," in
    *",$base,"*) ;;
    *) problem "$page: NAME names '$names', not $base" ;;
    esac

    # references to other wres pages
    sed -n 's/^\.BR[[:space:]][[:space:]]*\(wres[-_a-z0-9]*\)[[:space:]][[:space:]]*(\([0-9]\)).*/\2 \1/p' \
        "$page" | sort -u >"$tmp/refs"
    while read -r rs rn; do
        [ -f "$MANDIR/$rn.$rs" ] || problem "$page: refers to $rn($rs), which has no page"
    done <"$tmp/refs"

    # SYNOPSIS prototypes against the header
    mandoc -T ascii -O width=250 "$page" 2>/dev/null | sed "s/.$BS//g" |
        awk '/^SYNOPSIS[ \t]*$/ { s = 1; next } /^[^ \t]/ { s = 0 } s' |
        grep -v '#include' | tr '\n' ' ' | tr ';' '\n' | grep '(' |
        sed 's/$/;/' | normalise >"$tmp/page.protos"
    while IFS= read -r proto; do
        case $proto in
        typedef*)
            grep -qxF "$proto" "$tmp/header.typedefs" ||
                problem "$page: SYNOPSIS type '$proto' differs from $HDR"
            continue ;;
        esac
        fn=$(printf '%s\n' "$proto" | proto_name)
        if ! grep -qx "$fn" "$tmp/header.names"; then
            problem "$page: SYNOPSIS declares $fn, which $HDR does not declare"
        elif ! grep -qxF "$proto" "$tmp/header.protos"; then
            want=$(grep "[ *]$fn(" "$tmp/header.protos")
            problem "$page: SYNOPSIS of $fn differs from $HDR: '$proto', header: '$want'"
        fi
    done <"$tmp/page.protos"
    proto_name <"$tmp/page.protos" >"$tmp/page.names"
    case $file in
    wres_*.3)
        if ! grep -qx "$base" "$tmp/header.names"; then
            problem "$page: documents no function of $HDR ($base is not declared there)"
        elif ! grep -qx "$base" "$tmp/page.names"; then
            problem "$page: SYNOPSIS lacks the prototype of $base"
        fi
        ;;
    wres.3)
        while read -r fn; do
            grep -qx "$fn" "$tmp/page.names" ||
                problem "$page: the overview's SYNOPSIS leaves out $fn"
        done <"$tmp/header.names"
        ;;
    esac

    # EXAMPLES: each block holding main() must compile and run cleanly
    [ "$sect" = 3 ] || continue
    rm -f "$tmp"/ex.*
    # Each .EX block of EXAMPLES goes to ex.N.c; a block announced by
    # "The program prints:" or "It prints:" is the expected standard output
    # of the last program before it (ex.P.out), one announced by "On
    # standard error it writes:" its expected standard error (ex.P.err).
    awk -v out="$tmp/ex" '
        /^\.SH/ { ex = ($0 ~ /^\.SH[ \t]+"?EXAMPLES/); next }
        !ex { next }
        /^(The program prints|It prints):$/ { want = "out"; next }
        /^On standard error it writes:$/ { want = "err"; next }
        /^\.EX/ {
            n++; inblk = 1
            f = want != "" && prog ? out "." prog "." want : out "." n ".c"
            want = ""
            next
        }
        /^\.EE/ { inblk = 0; next }
        inblk {
            print > f
            if (f ~ /\.c$/ && $0 ~ /main\(/) prog = n
        }' "$page"
    found=0
    for src in "$tmp"/ex.*.c; do
        [ -f "$src" ] || continue
        grep -q 'main(' "$src" || continue
        found=1
        nexamples=$((nexamples + 1))
        k=${src#"$tmp"/ex.}
        k=${k%.c}
        unroff <"$src" >"$tmp/prog.c"
        if ! $CC -std=c11 -Wall -Wextra -Werror -pthread -Iinclude \
            -o "$tmp/prog" "$tmp/prog.c" "$LIB" -lm >"$tmp/cc.out" 2>&1; then
            first=$(grep -E "error|warning" "$tmp/cc.out" | head -n 1)
            problem "$page: EXAMPLES program $k does not compile: ${first:-see $CC}"
            continue
        fi
        mkdir "$tmp/run" && (
            cd "$tmp/run" &&
                if command -v timeout >/dev/null 2>&1; then
                    timeout 20 ../prog
                else
                    ../prog
                fi
        ) </dev/null >"$tmp/run.out" 2>"$tmp/run.err"
        st=$?
        rm -rf "$tmp/run"
        [ "$st" -le 1 ] ||
            problem "$page: EXAMPLES program $k exits with status $st (0 or 1 expected)"
        for stream in out err; do
            [ -f "$tmp/ex.$k.$stream" ] || continue
            noutputs=$((noutputs + 1))
            unroff <"$tmp/ex.$k.$stream" >"$tmp/want"
            cmp -s "$tmp/want" "$tmp/run.$stream" ||
                problem "$page: EXAMPLES program $k: its std$stream differs from the output the page shows"
        done
    done
    [ "$found" = 1 ] || problem "$page: EXAMPLES has no complete program (no .EX block with main)"
done

nfn=$(wc -l <"$tmp/header.names" | tr -d ' ')
if [ "$nprob" -gt 0 ]; then
    echo "man-check: FAILED: $nprob problem(s) in $npages page(s) ($nfn functions, $nexamples examples)"
    exit 1
fi
echo "man-check: ok: $npages pages, $nfn functions documented, $nexamples examples compiled and run, $noutputs outputs as shown"
exit 0
