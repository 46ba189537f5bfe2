#!/usr/bin/env bash
# Install Broadsheet on a Debian (or Ubuntu) machine: the Debian packages Qt and the
# Chinese fonts need, then a virtual environment in .venv with Broadsheet in it.
#   ./install.sh          app and command line
#   ./install.sh --test   the same, plus what the tests need (Dask too: import --cluster is tested;
#                         PostgreSQL's server and psycopg: the tests start their own throwaway cluster;
#                         the bench extra: a test runs bench_library's PostgreSQL path on a few pages)
set -euo pipefail
cd "$(dirname "$0")"

extras="gui"
[ "${1:-}" = "--test" ] && extras="gui,test,cluster,postgres,bench"

debs=(python3 python3-venv python3-pip
      fonts-noto-cjk fonts-hanazono fonts-junicode desktop-file-utils appstream shared-mime-info xvfb xauth
      libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0)
[ "${1:-}" = "--test" ] && debs+=(postgresql)

missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[${extras}]"
echo "install.sh: Broadsheet is installed in .venv (run .venv/bin/broadsheet)"
