#!/usr/bin/env bash
# Coverage-guided fuzzing (atheris/libFuzzer) of every parser of outside input (issue #9).
# Usage: ./fuzz.sh [TARGET|all] [RUNS]
#   TARGET: key_table archive recovery_kit otpauth csv_import bitwarden_csv bitwarden_json
#           keepass_xml kdbx xlsx (default: all)
#   RUNS:   inputs per target (default: 10^6 for key_table and archive, 10^5 for the others)
# Each target starts from a corpus of real inputs written into a temporary folder; only a
# BrankasError counts as a refusal, any other exception is a crash (input kept as crash-*).
# Prints per target: runs, seconds, execs/s, coverage (libFuzzer's cov/ft), crashes.
# Exits non-zero when any target crashed. Logs and crash inputs: $BRANKAS_FUZZ_OUT
# (default: a new folder under /tmp, printed at the end). Extra libFuzzer flags:
# BRANKAS_FUZZ_FLAGS (e.g. "-seed=1 -max_total_time=600").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/tools/bootstrap.sh" test
cd "$here"
py=.venv/bin/python
if ! "$py" -c 'import atheris' 2>/dev/null; then
    printf '[brankas] installing atheris (.[test,fuzz])\n' >&2
    "$py" -m pip install -q -e ".[test,fuzz]"
fi

all=(key_table archive recovery_kit otpauth csv_import bitwarden_csv bitwarden_json keepass_xml kdbx xlsx)
target="${1:-all}"
runs_arg="${2:-}"
if [ "$target" = all ]; then targets=("${all[@]}"); else targets=("$target"); fi
out="${BRANKAS_FUZZ_OUT:-$(mktemp -d -t brankas-fuzz.XXXXXX)}"
mkdir -p "$out"
"$py" -m fuzz.corpus "$out/corpus" "${targets[@]}" >&2

max_len() {
    case "$1" in
        archive|xlsx) echo 16384 ;;
        key_table|kdbx|keepass_xml|bitwarden_json) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

calc() { "$py" -c "print($1)"; }

failed=0
printf '%-15s %10s %9s %9s %6s %6s %8s\n' target runs seconds execs/s cov ft crashes
for t in "${targets[@]}"; do
    case "$t" in key_table|archive) def=1000000 ;; *) def=100000 ;; esac
    runs="${runs_arg:-$def}"
    art="$out/$t-artifacts/"
    mkdir -p "$art"
    start=$(date +%s.%N)
    set +e
    # shellcheck disable=SC2086  # BRANKAS_FUZZ_FLAGS is a list of flags
    "$py" -m "fuzz.$t" -runs="$runs" -max_len="$(max_len "$t")" -artifact_prefix="$art" \
        -print_final_stats=1 ${BRANKAS_FUZZ_FLAGS:-} "$out/corpus/$t" >"$out/$t.log" 2>&1
    rc=$?
    set -e
    secs=$(calc "$(date +%s.%N) - $start")
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$out/$t.log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    crashes=$(find "$art" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes="rc=$rc"; fi
    done_runs="${done_runs:-$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")}"
    eps=$(calc "round(${done_runs:-0} / max($secs, 1e-9))")
    printf '%-15s %10s %9.1f %9s %6s %6s %8s\n' "$t" "${done_runs:-?}" "$secs" "$eps" \
        "${cov:-?}" "${ft:-?}" "$crashes"
    if [ "$rc" -ne 0 ] || [ "$crashes" != 0 ]; then
        failed=1
        grep -A30 -m1 'Uncaught Python exception' "$out/$t.log" >&2 || tail -20 "$out/$t.log" >&2
    fi
done
printf 'logs, corpus and crash inputs: %s\n' "$out"
exit "$failed"
