#!/usr/bin/env bash
# The two quick-start commands: `./run.sh build` builds the bundled site into Public/,
# `./run.sh test` runs the tests. Each installs the C libraries sitegen links against when missing.
set -euo pipefail
cd "$(dirname "$0")"

ensure_libraries() {
    if pkg-config --exists libcmark-gfm jemalloc 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then
        return
    fi
    echo "Installing libcmark-gfm-dev, libcmark-gfm-extensions-dev and libjemalloc-dev (needed to build sitegen)…" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    $sudo apt-get install -y pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
    build)
        ensure_libraries
        swift run sitegen build "$@"
        ;;
    test)
        ensure_libraries
        swift test "$@"
        ;;
    *)
        echo "usage: ./run.sh build [sitegen build options] | ./run.sh test [swift test options]" >&2
        exit 64
        ;;
esac
