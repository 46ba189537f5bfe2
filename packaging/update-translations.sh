#!/usr/bin/env bash
# Qt Linguist translations of the desktop application: extract every tr() string of reader/gui (and the
# core's messages marked QT_TRANSLATE_NOOP, which the window translates where it shows them)
# into resources/translations/broadsheet_<lang>.ts (Simplified Chinese, Traditional Chinese,
# English), then compile each .ts into the .qm the application loads
# (reader.gui.app.install_translations). Translate the .ts files with Qt Linguist in between.
#   packaging/update-translations.sh                 extract, then compile
#   packaging/update-translations.sh --release-only  only compile the .ts files into .qm
#   packaging/update-translations.sh --out DIR       write to DIR instead of resources/translations
set -euo pipefail
cd "$(dirname "$0")/.."

LANGS=(zh_CN zh_TW en)
out=resources/translations
extract=1
while [ $# -gt 0 ]; do
    case "$1" in
        --release-only) extract=0 ;;
        --out) out=$2; shift ;;
        *) echo "usage: $0 [--release-only] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done

for tool in pyside6-lupdate pyside6-lrelease; do
    command -v "$tool" >/dev/null || { echo "update-translations.sh: $tool not found (pip install PySide6-Essentials)" >&2; exit 1; }
done

mkdir -p "$out"
if [ "$extract" = 1 ]; then
    # the window's tr() strings, and the core's messages marked QT_TRANSLATE_NOOP where they are written
    mapfile -t sources < <( (find reader/gui -name '*.py' -not -path '*/__pycache__/*';
                             grep -rl --include='*.py' 'QT_TRANSLATE_NOOP(' reader --exclude-dir=gui) | sort -u)
    ts=()
    for lang in "${LANGS[@]}"; do ts+=("$out/broadsheet_$lang.ts"); done
    # -no-obsolete: strings gone from the code leave the files; -locations relative keeps diffs small
    pyside6-lupdate -no-obsolete -locations relative "${sources[@]}" -ts "${ts[@]}"
    for lang in "${LANGS[@]}"; do
        # lupdate leaves the target language empty on new files; Qt Linguist needs it
        sed -i "s/<TS version=\"\([0-9.]*\)\">/<TS version=\"\1\" language=\"$lang\">/" "$out/broadsheet_$lang.ts"
    done
fi
for lang in "${LANGS[@]}"; do
    if [ -f "$out/broadsheet_$lang.ts" ]; then
        pyside6-lrelease -silent "$out/broadsheet_$lang.ts" -qm "$out/broadsheet_$lang.qm"
    fi
done
echo "update-translations.sh: $(ls "$out"/*.ts 2>/dev/null | wc -l) .ts and $(ls "$out"/*.qm 2>/dev/null | wc -l) .qm files in $out"
