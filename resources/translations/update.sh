#!/usr/bin/env bash
# Broadsheet's interface translations: refresh the Qt Linguist sources broadsheet_{zh_CN,zh_TW,en}.ts
# in this folder from every tr() string of reader/gui (pyside6-lupdate; translations already made are
# kept, strings gone from the code are dropped), then compile them into the .qm files the application
# loads (pyside6-lrelease). Translate new strings with Qt Linguist (pyside6-linguist) between the two:
#   resources/translations/update.sh                 extract, then compile
#   resources/translations/update.sh --release-only  only compile the .ts files into .qm
# The work is done by packaging/update-translations.sh, which the packaging tests also run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/../../packaging/update-translations.sh" --out "$here" "$@"
