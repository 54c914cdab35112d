#!/usr/bin/env bash
# The long reliability and security suite (issue #9): full trial counts, fuzzing at volume.
# Counts come from the environment, e.g. BRANKAS_REL_COMMIT_TRIALS=200 (defaults below).
# The normal suite (./test.sh) runs small samples of the same tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/tools/bootstrap.sh" test
cd "$here"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export BRANKAS_RELIABILITY_LONG=1
export BRANKAS_REL_COMMIT_TRIALS="${BRANKAS_REL_COMMIT_TRIALS:-200}"
export BRANKAS_REL_KEYS_TRIALS="${BRANKAS_REL_KEYS_TRIALS:-500}"
export BRANKAS_REL_REKEY_TRIALS="${BRANKAS_REL_REKEY_TRIALS:-50}"
export BRANKAS_REL_BYTEFLIP_TRIALS="${BRANKAS_REL_BYTEFLIP_TRIALS:-1000}"
export BRANKAS_REL_DISKFULL_TRIALS="${BRANKAS_REL_DISKFULL_TRIALS:-10}"
export BRANKAS_REL_BACKUP_TRIALS="${BRANKAS_REL_BACKUP_TRIALS:-20}"
# Fuzzing: inputs per parser (key table and archive reader: >= 10^6 by default).
export BRANKAS_FUZZ_BIG="${BRANKAS_FUZZ_BIG:-1000000}"
export BRANKAS_FUZZ_SMALL="${BRANKAS_FUZZ_SMALL:-100000}"
exec .venv/bin/python -m pytest tests/reliability_long tests/core/security -q -s "$@"
