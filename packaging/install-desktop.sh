#!/usr/bin/env sh
# Install Broadsheet's desktop integration for the current user, under ~/.local/share (or
# $XDG_DATA_HOME): the .desktop launcher, the AppStream metainfo, the scalable icon and the MIME
# types of the OCR formats it opens; then refresh the desktop and MIME databases when the tools
# exist. The `broadsheet` command itself comes from pip or the bundle (see README.md).
#   packaging/install-desktop.sh              install
#   packaging/install-desktop.sh --uninstall  remove what install put there
set -eu

APP_ID=io.github.broadsheet.Broadsheet
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}

apps=$data/applications
meta=$data/metainfo
icons=$data/icons/hicolor/scalable/apps
mime=$data/mime

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps" || echo "install-desktop.sh: update-desktop-database failed; menus may be stale" >&2
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$mime" || echo "install-desktop.sh: update-mime-database failed; file types may be stale" >&2
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
    fi
}

case "${1:-}" in
    --uninstall)
        rm -f "$apps/$APP_ID.desktop" "$meta/$APP_ID.metainfo.xml" \
              "$icons/$APP_ID.svg" "$mime/packages/$APP_ID.xml"
        refresh
        echo "install-desktop.sh: removed Broadsheet's desktop integration from $data"
        ;;
    "")
        mkdir -p "$apps" "$meta" "$icons" "$mime/packages"
        install -m 644 "$here/$APP_ID.desktop" "$apps/$APP_ID.desktop"
        install -m 644 "$here/$APP_ID.metainfo.xml" "$meta/$APP_ID.metainfo.xml"
        install -m 644 "$here/$APP_ID.svg" "$icons/$APP_ID.svg"
        install -m 644 "$here/$APP_ID.mime.xml" "$mime/packages/$APP_ID.xml"
        refresh
        if ! command -v broadsheet >/dev/null 2>&1; then
            echo "install-desktop.sh: note: no 'broadsheet' command on PATH yet; the launcher needs it (pip install broadsheet[gui], or put the bundle's folder on PATH)" >&2
        fi
        echo "install-desktop.sh: installed Broadsheet's launcher, metainfo, icon and file types under $data"
        ;;
    *)
        echo "usage: $0 [--uninstall]" >&2
        exit 2
        ;;
esac
