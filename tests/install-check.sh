#!/bin/sh
# make install into a scratch DESTDIR, then build a program with nothing but
# pkg-config against the installed copy, run it, and check that it records
# libwres.so.1; then make uninstall leaves nothing behind.
set -eu
make=${MAKE:-make}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
prefix=/opt/wres-test
$make -s install DESTDIR="$t/root" PREFIX=$prefix > /dev/null
root=$t/root$prefix
for f in include/wres.h lib/libwres.so.1 lib/libwres.so lib/libwres.a \
         lib/pkgconfig/wres.pc bin/wres-report share/man/man3/wres.3 \
         share/man/man1/wres-report.1; do
    [ -e "$root/$f" ] || { echo "install: $f missing"; exit 1; }
done
cat > "$t/p.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <wres.h>
int main(void)
{
    wres_ctx *ctx;
    wres_report *r;
    double v;
    const char *csv = "year,ethnicity,voting,executive\n2024,A,yes,no\n2024,H,yes,yes\n";
    if (wres_ctx_new(&ctx) != WRES_OK)
        return 1;
    wres_ingest_buffer(ctx, WRES_KIND_BOARD, "board.csv", csv, strlen(csv));
    if (wres_report_new(ctx, "", 2024, &r) != WRES_OK)
        return 1;
    if (wres_report_get(r, 9, "board", "", "bme_pct", &v) != WRES_OK || v != 50.0)
        return 1;
    printf("%s %g\n", wres_version_string(), v);
    wres_report_free(r);
    wres_ctx_free(ctx);
    return 0;
}
C
# pkg-config answers for the installed prefix, so point it into DESTDIR
export PKG_CONFIG_PATH="$root/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$t/root"
flags=$(pkg-config --cflags --libs wres)
${CC:-cc} -std=c11 -Wall -Wextra -Werror "$t/p.c" $flags -o "$t/p"
readelf -d "$t/p" | grep -q 'NEEDED.*\[libwres.so.1\]' || { echo "install: program does not record libwres.so.1"; exit 1; }
out=$(LD_LIBRARY_PATH="$root/lib" "$t/p")
[ "$out" = "$(sed -n 's/^#define WRES_VERSION_STRING "\(.*\)"/\1/p' include/wres.h) 50" ] || { echo "install: program printed '$out'"; exit 1; }
[ "$(pkg-config --modversion wres)" = "${out% *}" ] || { echo "install: wres.pc version differs"; exit 1; }
$make -s uninstall DESTDIR="$t/root" PREFIX=$prefix > /dev/null
left=$(find "$t/root" -type f -o -type l)
[ -z "$left" ] || { echo "uninstall left: $left"; exit 1; }
echo "install: pkg-config build against the installed copy runs and needs libwres.so.1; uninstall is clean"
