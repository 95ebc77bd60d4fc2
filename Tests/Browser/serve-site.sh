# Sourced by the browser scripts: builds sitegen, then serves a copy of the bundled content and templates
# from a temporary folder on a free loopback port with `sitegen serve`. Sets SITE_URL and SITE_CONTENT
# (the copy of the content, which a script may edit) and stops the server when the script exits.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
swift build --product sitegen >&2
sitegen="$(swift build --show-bin-path)/sitegen"
site_folder="$(mktemp -d)"
server_log="$site_folder/serve.log"
cp -R Content Templates "$site_folder/"
SITE_CONTENT="$site_folder/Content"
"$sitegen" serve --content "$SITE_CONTENT" --templates "$site_folder/Templates" --output "$site_folder/Public" --port 0 --quiet >"$server_log" 2>&1 &
server_pid=$!
stop_site() {
    local status=$?
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    rm -rf "$site_folder"
    exit "$status"
}
trap stop_site EXIT
SITE_URL=""
for _ in $(seq 1 600); do
    SITE_URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$server_log" | head -1 || true)"
    [ -n "$SITE_URL" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log" >&2; echo "sitegen serve stopped" >&2; exit 2; }
    sleep 0.1
done
[ -n "$SITE_URL" ] || { cat "$server_log" >&2; echo "sitegen serve did not start" >&2; exit 2; }
