#!/usr/bin/env bash
# test_package.sh BUILD_DIR CPACK EXE APP_ID VERSION SCENARIO_MIME
# Builds the .deb from BUILD_DIR, unpacks it into a scratch root and checks it as installed.
set -euo pipefail
build=$1 cpack=$2 exe=$3 id=$4 version=$5 mime=$6

scratch=$(mktemp -d "${TMPDIR:-/tmp}/lda-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "cpack -G DEB"
(cd "$build" && "$cpack" -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) \
    || { cat "$scratch/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$scratch"/out/"${exe}"_"${version}"_*.deb 2>/dev/null | head -n1)
[[ -f $deb ]] || fail "no ${exe}_${version}_*.deb in $scratch/out"
echo "$(basename "$deb") $(du -h "$deb" | cut -f1)"

step "dpkg-deb -I: package fields and dependencies"
info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == "$exe" ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', project() says $version"
[[ -n $(field Maintainer) && -n $(field Homepage) && -n $(field Section) ]] || fail "Maintainer/Homepage/Section missing"
depends=$(field Depends)
echo "Depends: $depends"
names=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//')
# From dpkg-shlibdeps (what the binary and the plugin link) ...
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6charts6 libqt6webenginecore6 \
           libqt6webenginewidgets6 libmd4c-html0 libc6 libstdc++6 \
           libqt6sql6-sqlite libqt6svg6 libqt6webenginecore6-bin libqt6webengine6-data qt6-qpa-plugins; do
    # ... and what Qt loads at run time, which shlibdeps cannot see.
    grep -qxF "$dep" <<<"$names" || fail "Depends lacks $dep"
done
grep -q "Description: " <<<"$info" || fail "no Description"

step "dpkg -x into a scratch root"
root=$scratch/root
dpkg -x "$deb" "$root"
for f in usr/bin/$exe \
         usr/share/$exe/knowledge.db \
         usr/lib/$exe/liblda_guideview.so \
         usr/share/applications/$id.desktop \
         usr/share/metainfo/$id.metainfo.xml \
         usr/share/mime/packages/$id.xml \
         usr/share/icons/hicolor/scalable/apps/$id.svg \
         usr/share/doc/$exe/copyright; do
    [[ -s $root/$f ]] || fail "missing /$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
    [[ -s $png ]] || fail "missing ${size}x${size} icon"
    file "$png" | grep -q "${size} x ${size}" || fail "$png is not ${size}x${size}: $(file -b "$png")"
done
for elf in "$root/usr/bin/$exe" "$root/usr/lib/$exe/liblda_guideview.so"; do
    if readelf -d "$elf" | grep -Eq "RPATH|RUNPATH"; then fail "$elf carries an RPATH"; fi
    if grep -qF "$build" "$elf"; then fail "$elf mentions the build tree $build"; fi
done
grep -q "$mime" "$root/usr/share/mime/packages/$id.xml" || fail "MIME XML lacks $mime"

step "copyright (DEP-5): MIT code, CC BY 4.0 guide, bundled highlight.js"
copyright=$root/usr/share/doc/$exe/copyright
head -n1 "$copyright" | grep -qxF "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" \
    || fail "copyright is not in the machine-readable format"
for stanza in "License: Expat" "License: CC-BY-4.0" "License: BSD-3-clause" "Files: data/guide/*" \
              "Files: resources/guide/highlight.min.js"; do
    grep -qxF "$stanza" "$copyright" || fail "copyright lacks '$stanza'"
done
if grep -q "@[A-Z_]*@" "$copyright"; then fail "copyright has unconfigured @VARIABLES@"; fi

step "run from the unpacked root (data found next to the binary, not in the build tree)"
export HOME=$scratch/home XDG_DATA_HOME=$scratch/home/data XDG_CONFIG_HOME=$scratch/home/config
mkdir -p "$HOME"
out=$("$root/usr/bin/$exe" --version)
[[ $out == "$exe $version" ]] || fail "--version printed '$out'"
echo "$out"
"$root/usr/bin/$exe" self-test >"$scratch/self-test.log" 2>&1 || { cat "$scratch/self-test.log" >&2; fail "self-test"; }
tail -n 3 "$scratch/self-test.log"
# The binary carries no build-tree path (checked above), so this data came from <root>/usr/share.
options=$("$root/usr/bin/$exe" options list --format json) || fail "options list"
grep -q '"options"' <<<"$options" || fail "options list printed no options"

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -q "^MimeType=$mime;" "$root/usr/share/applications/$id.desktop" || fail "desktop file lacks MimeType"
grep -q "^Icon=$id$" "$root/usr/share/applications/$id.desktop" || fail "desktop file Icon is not $id"
# The main entry takes the file the file manager opens (%f): a scenario opens up to the first paint, and a
# bad one still opens the window, with a message naming the file.
grep -q "^Exec=$exe %f$" "$root/usr/share/applications/$id.desktop" || fail "desktop Exec lacks %f"
export XDG_RUNTIME_DIR=$scratch/runtime
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
printf '{"name": "Packaged", "requests_per_day": 100, "input_tokens_per_request": 50, "output_tokens_per_request": 20}' \
    >"$scratch/chat.ldascenario.json"
printf '{"requests_per_day": 100,' >"$scratch/broken.ldascenario.json"
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/$id.desktop" | head -n1)
for file in chat broken; do
    read -r -a argv <<<"${exec_line/"%f"/"$scratch/$file.ldascenario.json"}"
    LDA_BENCH_EXIT_AFTER_PAINT=1 "$root/usr/bin/${argv[0]}" "${argv[@]:1}" >"$scratch/open.out" 2>"$scratch/open.err" \
        || { cat "$scratch/open.err" >&2; fail "opening $file.ldascenario.json failed"; }
    grep -q "^lda: first paint$" "$scratch/open.out" || fail "$file.ldascenario.json: the window did not paint"
    if [[ $file == chat ]]; then
        if grep -q "^error:" "$scratch/open.err"; then cat "$scratch/open.err" >&2; fail "chat: error opening"; fi
    else
        grep -q "^error: $scratch/broken.ldascenario.json: .*line 1" "$scratch/open.err" \
            || { cat "$scratch/open.err" >&2; fail "broken: no message naming the file and line"; }
    fi
done
echo "opened a scenario through Exec=$exec_line"
# Every action's Exec must be a command line the app accepts (--page with a known page).
while read -r page; do
    "$root/usr/bin/$exe" --page "$page" --help >/dev/null || fail "--page $page is rejected"
done < <(sed -n 's/^Exec=.* --page \([a-z]*\)$/\1/p' "$root/usr/share/applications/$id.desktop")

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" || fail "metainfo release is not $version"
grep -q "<project_license>MIT AND CC-BY-4.0</project_license>" "$root/usr/share/metainfo/$id.metainfo.xml" \
    || fail "metainfo project_license is not MIT AND CC-BY-4.0"

echo "PASS: $(basename "$deb")"
