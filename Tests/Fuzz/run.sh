#!/usr/bin/env bash
# Fuzzes the report reader (decoding, then extraction) with libFuzzer and AddressSanitizer.
#
#   Tests/Fuzz/run.sh [SECONDS]     build, then fuzz for SECONDS (default 60) on inputs of up to
#                                   FUZZ_MAX_LEN bytes (default 2048: extraction is slow, so short
#                                   inputs give ten times the executions of 8192)
#   Tests/Fuzz/run.sh replay FILE…  build, then run the given inputs once (to reproduce a crash)
#
# Site and Reports are compiled with coverage instrumentation as static libraries, and the fuzz entry
# (Tests/Fuzz/ReportFuzz.swift) into the fuzzer. Seeds are the
# bundled reports in Content/ and the inputs of past crashes in Tests/Fuzz/regressions/ (a build of
# them is also a test, RobustBuildTests); the growing corpus is kept in .build/fuzz/corpus and crashes in
# .build/fuzz/crash-*. Exits non-zero when libFuzzer finds a crash, a hang or a leak.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build/fuzz
mkdir -p "$out/corpus" "$out/seeds"
flags=(-sanitize=fuzzer,address -O -g -swift-version 6 -I "$out")

swiftc "${flags[@]}" -parse-as-library -emit-library -static -module-name Site \
    -emit-module-path "$out/Site.swiftmodule" $(find Sources/Site -name '*.swift' | sort) -o "$out/libSite.a"
swiftc "${flags[@]}" -parse-as-library -emit-library -static -module-name Reports \
    -emit-module-path "$out/Reports.swiftmodule" $(find Sources/Reports -name '*.swift' | sort) -o "$out/libReports.a"
swiftc "${flags[@]}" -parse-as-library -module-name ReportFuzz -L "$out" -lReports -lSite \
    Tests/Fuzz/ReportFuzz.swift -o "$out/report-fuzz" 2> "$out/link.log" \
    || { cat "$out/link.log" >&2; exit 1; }

# Compiled patterns live as long as the process; see lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp:print_suppressions=0"
if [ "${1:-}" = "replay" ]; then
    shift
    exec "$out/report-fuzz" "$@"
fi
seconds="${1:-60}"
cp Content/*.txt Tests/Fuzz/regressions/* "$out/seeds/"
"$out/report-fuzz" "$out/corpus" "$out/seeds" -dict=Tests/Fuzz/report.dict \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-2048}" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$out/" -print_final_stats=1
