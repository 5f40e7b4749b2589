#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for a bounded time each and prints how many
# inputs each executed. `npm test` runs it briefly; run it longer by hand:
#   bash scripts/fuzz.sh 600            # ten minutes per target
#   bash scripts/fuzz.sh 3600 verify    # one target for an hour
# New inputs go to fuzz/corpus/<target>/ (ignored, kept between runs); the committed seeds in
# fuzz/seeds/<target>/ are read too. A crash stops the run, leaves the input in
# fuzz/artifacts/<target>/ and exits non-zero: turn it into a regression test in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-15}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

cargo +nightly fuzz build
summary=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  log="fuzz/target/$target.log"
  echo "fuzz: $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
      -max_total_time="$seconds" -dict=fuzz/jwt.dict -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target FAILED (input saved under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  summary+=("$target: ${runs:-?} inputs in ${seconds}s, corpus $(find "fuzz/corpus/$target" -type f | wc -l) files")
done
printf 'fuzz: %s\n' "${summary[@]}"
