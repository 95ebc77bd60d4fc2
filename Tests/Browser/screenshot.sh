#!/usr/bin/env bash
# Takes the README's screenshot of an outcome comparison page with headless Chromium:
#   Tests/Browser/screenshot.sh [PAGE] [OUT]   (defaults: /outcomes/staying-safe/, docs/screenshots/outcome.png)
set -euo pipefail
page="${1:-/outcomes/staying-safe/}"
out="$(realpath -m "${2:-docs/screenshots/outcome.png}")"
source "$(dirname "$0")/serve-site.sh"
mkdir -p "$(dirname "$out")"
python3 Tests/Browser/pages.py screenshot "$SITE_URL" "$page" "$out"
