#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets in fuzzing/ with ASan and runs each for FUZZ_SECONDS on a copy of its
# committed seed corpus, then prints one line of figures per target (runs, execs/s, coverage, corpus, crashes).
# FUZZ_TARGETS limits the targets (space-separated); FUZZ_JOBS (default 1) runs that many targets at once, one
# core each. Crash inputs land in var/fuzz/artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-fuzz-tokenizer fuzz-tokenizer-json fuzz-query fuzz-metadata fuzz-model-config}"
out=var/fuzz
mkdir -p "$out"

flags=(-Xswiftc -sanitize=fuzzer,address --package-path fuzzing --scratch-path fuzzing/.build)
for target in $targets; do
    swift build "${flags[@]}" --product "$target" || { echo "fuzz: building $target failed" >&2; exit 1; }
done
bin="$(swift build "${flags[@]}" --show-bin-path)"

jobs="${FUZZ_JOBS:-1}"

# Runs one target and writes its figures line to $out/<target>.figures; returns non-zero on a crash.
fuzz_one() {
    local target=$1
    local corpus="$out/corpus/$target" artifacts="$out/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp -n fuzzing/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    local log="$out/$target.log"
    local leaks=1; [ "$target" = fuzz-model-config ] && leaks=0
    LSAN_OPTIONS="suppressions=$PWD/fuzzing/lsan.supp" ASAN_OPTIONS="detect_leaks=$leaks" SWIFT_BACKTRACE=enable=no "$bin/$target" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks="$leaks" -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    local code=$?
    local runs speed cov ft crashes
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
    printf '%-22s %8s %12s %9s %6s %6s %8s\n' "$target" "$seconds" "${runs:-0}" "${speed:-0}" "${cov:-0}" "${ft:-0}" "$crashes" \
        >"$out/$target.figures"
    if [ "$code" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        echo "  $target: exit $code, see $log and $artifacts" >&2
        return 1
    fi
}

status=0
for target in $targets; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || status=1; done
    fuzz_one "$target" &
done
# wait -n answers 127 once no child is left.
while true; do
    wait -n; code=$?
    [ "$code" -eq 127 ] && break
    [ "$code" -ne 0 ] && status=1
done
printf '%-22s %8s %12s %9s %6s %6s %8s\n' target seconds runs exec/s cov ft crashes
for target in $targets; do cat "$out/$target.figures"; done
exit $status
