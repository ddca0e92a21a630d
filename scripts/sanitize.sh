#!/usr/bin/env bash
# `make sanitize`: the test suite under each sanitizer in SANITIZERS (default "address thread"), each in its own
# scratch path so the normal build stays untouched. SANITIZE_FILTER narrows the tests (a swift test --filter regex).
# Prints the build and test time per sanitizer; fails on any sanitizer report or test failure.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for sanitizer in ${SANITIZERS:-address thread}; do
    scratch=".build-$sanitizer"
    log="var/sanitize-$sanitizer.log"
    mkdir -p var
    start=$(date +%s)
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1 \
        || { echo "sanitize $sanitizer: build failed, see $log" >&2; status=1; continue; }
    built=$(date +%s)
    filter=(); [ -n "${SANITIZE_FILTER:-}" ] && filter=(--filter "$SANITIZE_FILTER")
    # halt_on_error=0 lets one run list every report; the grep below turns any of them into a failure.
    # Instrumented code is 5-15x slower; database waits in the tests stretch to match (VIEWFINDER_TEST_WAIT_SCALE).
    ASAN_OPTIONS="detect_leaks=0:halt_on_error=0" TSAN_OPTIONS="halt_on_error=0:suppressions=$PWD/scripts/tsan.supp" SWIFT_BACKTRACE=enable=no \
        VIEWFINDER_TEST_WAIT_SCALE="${VIEWFINDER_TEST_WAIT_SCALE:-6}" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "${filter[@]}" >>"$log" 2>&1
    code=$?
    done_at=$(date +%s)
    reports=$(grep -c 'ERROR: AddressSanitizer\|WARNING: ThreadSanitizer' "$log" || true)
    summary=$(grep -E '^(✔|✘|􁁛|􀢄).*Test run with' "$log" | tail -1)
    echo "sanitize $sanitizer: build $((built - start)) s, tests $((done_at - built)) s, exit $code, reports $reports"
    [ -n "$summary" ] && echo "  $summary"
    if [ "$code" -ne 0 ] || [ "$reports" -ne 0 ]; then status=1; fi
done
exit $status
