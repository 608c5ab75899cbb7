# Shared by scripts/run and scripts/test: install what is missing, configure and build.
# Idempotent: with everything installed and built it only checks and returns.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${LDA_BUILD_DIR:-$ROOT/build}

# Debian 12 / Ubuntu 24.04 package names.
PACKAGES=(
  cmake ninja-build g++ pkg-config python3 python3-yaml
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-webengine-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libgl-dev libmd4c-dev libmd4c-html0-dev libjs-highlight.js
  librsvg2-bin dpkg-dev file desktop-file-utils appstream  # icons, CPack DEB and tests/package
)

lda_install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

lda_build() {
  if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLDA_WARNINGS_AS_ERRORS=ON
  fi
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}
