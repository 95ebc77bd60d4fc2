#!/usr/bin/env bash
# Loads the home, an authority, an inspection and an outcome page of the bundled site in headless
# Chromium: axe-core finds no WCAG 2.2 AA violations, no page scrolls sideways at 320 px, and an open
# page reloads itself after a report changes.
# Needs chromium, chromium-driver, and `pip install selenium selenium-axe-python` (.ci/run installs them).
set -euo pipefail
source "$(dirname "$0")/serve-site.sh"
python3 Tests/Browser/pages.py check "$SITE_URL" "$SITE_CONTENT"
