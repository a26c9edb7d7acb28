#!/bin/sh
# include/wres.h compiles warning-free on its own as C99, C11 and C++11,
# and its extern "C" guard gives C linkage under C++.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf '#include <wres.h>\n#include <wres.h>\nint main(void) { return wres_version() == 0; }\n' > "$t/h.c"
cp "$t/h.c" "$t/h.cpp"
cc=${CC:-cc}
cxx=${CXX:-c++}
for std in c99 c11; do
    $cc -std=$std -Wall -Wextra -Werror -pedantic -Iinclude -c "$t/h.c" -o "$t/h-$std.o"
done
$cxx -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude "$t/h.cpp" "${1:-build/libwres.a}" -lm -o "$t/hpp"
"$t/hpp" || { echo "header: C++ program linked against libwres failed"; exit 1; }
nm "$t/h-c11.o" | grep -q ' U wres_version$'
echo "header: clean as C99, C11 and C++11; links from C++"
