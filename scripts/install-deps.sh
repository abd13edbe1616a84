#!/usr/bin/env bash
# Installs the Debian 12 packages oneservice needs, and only those missing.
# Used by both quick-start commands; safe to run again.
set -euo pipefail

packages=(
  cmake g++ make pkg-config ccache
  clang libclang-rt-14-dev
  libsdl2-dev libx11-dev libimgui-dev libstb-dev
  libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libgeos-dev libgtest-dev libssl-dev
  libcpp-httplib-dev libpugixml-dev libutf8proc-dev libsodium-dev libturbojpeg0-dev openssl wrk curl
  libqrencode-dev libespeak-ng-dev espeak-ng-data libzbar-dev
  gettext libboost-locale-dev
  fonts-sil-andika fonts-dejavu-core
  xvfb xauth
  libwww-perl libxml-simple-perl
  gpsd gpsd-clients libgps-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  libexif-dev
  chromium python3-aiosmtpd poppler-utils
  libcairo2-dev libpango1.0-dev libcups2-dev cups
  nginx
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# The browser tests' puppeteer-core and axe-core come from npm. A machine
# may already have Node.js from elsewhere than Debian (then the package
# names are not installed, but the commands are there): ask for the commands.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
