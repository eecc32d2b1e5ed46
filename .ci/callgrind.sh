#!/usr/bin/env bash
# Instructions per key result of `okr check --format json` on the benchmark's generated document,
# counted by callgrind, with the split between reading the file, parsing it, checking it and
# rendering the report. Instruction counts repeat to the last digit on a busy machine, where wall
# time does not. Not part of .ci/run: 100,000 key results take a few minutes under valgrind.
#   .ci/callgrind.sh [KEY_RESULTS ...]      (default: 100000)
#   OKR_CALLGRIND_KEEP=DIR keeps the callgrind output files there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
command -v valgrind >/dev/null || { echo "callgrind.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ "$#" -gt 0 ] || set -- 100000

swift build -c release --product okr >/dev/null
swift build -c release --product okr-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: profile a copy without it
# (the symbol table stays, so functions keep their names).
objcopy --strip-debug .build/release/okr "$work/okr"

count() { awk '/^summary:/ { print $2 }' "$1"; }
# The inclusive cost of the first function whose demangled name matches.
inclusive() { { grep -m1 -E "$2" "$1" || true; } | awk '{ gsub(",", "", $1); print $1 }'; }
per() { awk -v n="${1:-0}" -v k="$2" 'BEGIN { printf "%9.0f", n / k }'; }

valgrind --tool=callgrind --callgrind-out-file="$work/start.out" "$work/okr" --version >/dev/null 2>"$work/valgrind.log"
start=$(count "$work/start.out")
echo "okr --version: $start instructions (start-up)"

for krs in "$@"; do
  .build/release/okr-bench --write "$krs" "$work/doc-$krs.md"
  out="$work/check-$krs.out"
  # Exit status 1 (error findings) is expected. One thread (-j 1), so each stage's instructions
  # are counted under it; the pieces of a big file on more cores cost the same instructions.
  valgrind --tool=callgrind --callgrind-out-file="$out" "$work/okr" check --format json -j 1 "$work/doc-$krs.md" >/dev/null 2>"$work/valgrind.log" || true
  total=$(count "$out")
  [ -n "$total" ] || { cat "$work/valgrind.log" >&2; exit 1; }
  callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | swift demangle --simplified >"$work/annotated-$krs.txt"
  a="$work/annotated-$krs.txt"
  file=$(inclusive "$a" '[: ]InputFile\.read\(')
  parse=$(inclusive "$a" '[: ]DocumentReader\.read\(')
  check=$(inclusive "$a" '[: ]Engine\.check\(_:jobs:run:\)')
  render=$(inclusive "$a" '[: ]CheckReport\.writeJSON\(to:\)')
  rest=$(( total - ${file:-0} - ${parse:-0} - ${check:-0} - ${render:-0} ))
  echo "$krs key results: $total instructions, $(per "$total" "$krs") per key result"
  printf '  %-34s %s per key result\n' "read the file (InputFile.read)" "$(per "$file" "$krs")" \
    "parse (DocumentReader.read)" "$(per "$parse" "$krs")" \
    "check (Engine.check)" "$(per "$check" "$krs")" \
    "render JSON (CheckReport.writeJSON)" "$(per "$render" "$krs")" \
    "start-up, rules and the rest" "$(per "$rest" "$krs")"
  if [ -n "${OKR_CALLGRIND_KEEP:-}" ]; then mkdir -p "$OKR_CALLGRIND_KEEP" && cp "$out" "$a" "$OKR_CALLGRIND_KEEP/"; fi
done
