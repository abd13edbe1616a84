#!/usr/bin/env bash
# Fuzzes the parsers that take outside input (fuzz/, one target per parser)
# with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer.
#
#   scripts/fuzz.sh TARGET [SECONDS]   one target, 600 s unless told: a campaign
#   scripts/fuzz.sh --all SECONDS      every target in turn (CI: scripts/test.sh)
#   scripts/fuzz.sh --list             the targets
#
# Starts from fuzz/corpus/TARGET/ (never written to); what the run finds new
# goes to build/fuzz/found/TARGET/ and a crash's input to
# build/fuzz/crashes/TARGET/. To keep what was found, minimised:
#   build/fuzz/fuzz/fuzz-TARGET -merge=1 -use_counters=0 -max_len=1024 \
#     fuzz/corpus/TARGET build/fuzz/found/TARGET
# A crash's file goes into fuzz/corpus/TARGET/ too, where ctest replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() { sed -n 's/^oneservice_fuzz_target(\([a-z0-9_]*\).*/\1/p' fuzz/CMakeLists.txt; }

usage() {
  echo "Usage: scripts/fuzz.sh TARGET [SECONDS] | --all SECONDS | --list" >&2
  echo "Targets: $(targets | tr '\n' ' ')" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
if [[ $1 == --list ]]; then targets; exit 0; fi

if [[ $1 == --all ]]; then
  [[ $# -eq 2 ]] || usage
  selected=$(targets)
  seconds=$2
  # CI's short runs start from a fixed seed, so a run that passed on a
  # commit is not failed later by chance; campaigns take a random one.
  seed=${ONESERVICE_FUZZ_SEED:-1}
else
  targets | grep -qx "$1" || usage
  selected=$1
  seconds=${2:-600}
  seed=${ONESERVICE_FUZZ_SEED:-0}  # 0: libFuzzer picks one
fi
[[ $seconds =~ ^[0-9]+$ ]] || usage

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1"
for target in $selected; do
  found=build/fuzz/found/$target
  crashes=build/fuzz/crashes/$target
  mkdir -p "$found" "$crashes"
  echo "== fuzz-$target for ${seconds}s"
  # -timeout: an input taking over 10 s is reported as a hang (a crash).
  if ! build/fuzz/fuzz/fuzz-"$target" -max_total_time="$seconds" -seed="$seed" -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$found" "fuzz/corpus/$target" 2>"build/fuzz/$target.log"; then
    tail -n 60 "build/fuzz/$target.log" >&2
    echo "fuzz-$target crashed: the input is in $crashes/ (log: build/fuzz/$target.log)" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)' "build/fuzz/$target.log" | tr '\n' ' '
  echo
done
