#!/usr/bin/env bash
# Whole-process benchmarks of natospend (docs/performance.md): builds the
# binary and two baselines in this run, generates synthetic data, and
# reports ratios and growth rather than absolute times.
#
#   bash scripts/bench.sh              # everything (some 10 minutes on 2 cores)
#   SIZES="10k 100k" bash scripts/bench.sh   # leave out the 1M data set
#
# Environment:
#   BENCH_DIR  work directory (default: a new temporary one, removed at the end)
#   ROUNDS     rounds of part (a) (default 10): each round times every command
#              once more, in turn, so that a slow spell of the machine falls
#              on all of them; the result is the median of the rounds' medians
#   RUNS       runs per command and round in part (a) (default 40)
#   SIZES      data sets of part (b), among 10k 100k 1m (default: all three)
#
# Needs go; uses hyperfine when installed (apt-get install hyperfine), else
# repeated runs with medians; peak memory is GNU time's maximum resident set
# size (/usr/bin/time -f %M; apt-get install time), the median of 5 runs
# (3 for the larger data sets).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-10}
runs=${RUNS:-40}
sizes=${SIZES:-10k 100k 1m}
work=${BENCH_DIR:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

have_hyperfine=false
command -v hyperfine >/dev/null && have_hyperfine=true
if ! /usr/bin/time -f %M true >/dev/null 2>&1; then
  echo "bench: GNU time (/usr/bin/time) is missing: apt-get install time" >&2
  exit 1
fi

log() { echo "bench: $*" >&2; }

# median reads numbers, one a line, and prints their median.
median() {
  sort -g | awk '{a[NR]=$1} END {if (NR == 0) exit 1; if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# seconds RUNS WARMUP CMD...: the median wall time of CMD, in seconds. The
# mean CPU time (user + system) goes to $work/cpu ("-" without hyperfine).
seconds() {
  local n=$1 warm=$2
  shift 2
  echo - >"$work/cpu"
  if $have_hyperfine; then
    hyperfine -N --style none --warmup "$warm" --runs "$n" --export-csv "$work/h.csv" -- "$*" >/dev/null
    tail -n 1 "$work/h.csv" | awk -F, '{printf "%.3f\n", $5 + $6}' >"$work/cpu"
    tail -n 1 "$work/h.csv" | cut -d, -f4
  else
    local i
    for ((i = 0; i < warm; i++)); do "$@" >/dev/null; done
    for ((i = 0; i < n; i++)); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null
      t1=$(date +%s%N)
      echo "$(((t1 - t0)))e-9"
    done | median
  fi
}

# peak_kib RUNS CMD...: the median of the maximum resident set sizes, KiB.
peak_kib() {
  local n=$1 i
  shift
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
    tail -n 1 "$work/rss"
  done | median
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
ms() { awk -v s="$1" 'BEGIN {printf "%.2f", s * 1000}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

log "building into $work"
go build -o "$work/natospend" ./cmd/natospend
go build -o "$work/bare" ./scripts/baseline/bare
go build -o "$work/libs" ./scripts/baseline/libs
go build -o "$work/gendata" ./scripts/gendata
ns=$work/natospend

echo "# natospend benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3-4);" \
  "natospend $(git describe --always --dirty 2>/dev/null || echo '?');" \
  "timing: $($have_hyperfine && hyperfine --version || echo 'repeated runs, median')."
echo

# --- (a) start-up against the baselines ------------------------------------
names=("bare" "libs" "natospend gap" "natospend --version")
cmds=("$work/bare" "$work/libs gap --target 3.7" "$ns gap --target 3.7 --format csv" "$ns --version")
for i in "${!cmds[@]}"; do : >"$work/a$i"; done
for ((r = 1; r <= rounds; r++)); do
  log "part (a): round $r of $rounds"
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086 # the commands are split on spaces on purpose
    seconds "$runs" 3 ${cmds[$i]} >>"$work/a$i"
  done
done
declare -a t rss
for i in "${!cmds[@]}"; do
  t[i]=$(median <"$work/a$i")
  # shellcheck disable=SC2086
  rss[i]=$(peak_kib 5 ${cmds[$i]})
done
echo "## (a) natospend gap --target 3.7 --format csv against the baselines"
echo
echo "Median of $rounds rounds of $runs runs each (the rounds interleave the commands)."
echo
echo "| command | wall (ms) | vs bare | vs libs | peak RSS (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for i in "${!cmds[@]}"; do
  echo "| ${names[$i]} | $(ms "${t[$i]}") | $(ratio "${t[$i]}" "${t[0]}") | $(ratio "${t[$i]}" "${t[1]}") | $(mib "${rss[$i]}") |"
done
echo
echo "Round medians, ratio natospend gap / libs: $(paste -d' ' "$work/a2" "$work/a1" | awk '{printf "%.2f ", $1/$2}')"
echo

# --- (b) validate and gap on synthetic data ---------------------------------
echo "## (b) validate and gap on synthetic data (--no-default-data --data DIR)"
echo
echo "Wall time: median; CPU: mean user + system time (the loader parses files on all cores)."
echo
echo "| country-years | files | MiB | validate wall (s) | CPU (s) | peak RSS (MiB) | gap wall (s) | CPU (s) | peak RSS (MiB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A tv tg cpv cpg
prev=""
growth=""
for size in $sizes; do
  case $size in
  10k) releases=1 n=10 m=5 ;;
  100k) releases=10 n=5 m=3 ;;
  1m) releases=100 n=3 m=3 ;;
  *) echo "bench: unknown size $size (expected 10k, 100k or 1m)" >&2; exit 2 ;;
  esac
  dir=$work/syn$size
  log "part (b): generating $size"
  "$work/gendata" -out "$dir" -releases $releases -countries 200 -years 50 2>/dev/null
  files=$(find "$dir" -name '*.yaml' | wc -l)
  size_mib=$(du -sk "$dir" | awk '{printf "%.1f", $1/1024}')
  log "part (b): timing $size"
  tv[$size]=$(seconds $n 1 "$ns" validate --no-default-data "$dir")
  cv=$(cat "$work/cpu")
  cpv[$size]=$cv
  tg[$size]=$(seconds $n 1 "$ns" gap --no-default-data --data "$dir" --target 3.7 --format csv)
  cg=$(cat "$work/cpu")
  cpg[$size]=$cg
  rv=$(peak_kib $m "$ns" validate --no-default-data "$dir")
  rg=$(peak_kib $m "$ns" gap --no-default-data --data "$dir" --target 3.7 --format csv)
  cells=$((releases * 200 * 50))
  printf '| %d | %d | %s | %.3f | %s | %s | %.3f | %s | %s |\n' "$cells" "$files" "$size_mib" \
    "${tv[$size]}" "$cv" "$(mib "$rv")" "${tg[$size]}" "$cg" "$(mib "$rg")"
  if [ -n "$prev" ]; then
    cpu_growth() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else ratio "$1" "$2"; fi; }
    growth+="| $prev to $size (10x the cells) | $(ratio "${tv[$size]}" "${tv[$prev]}") | $(cpu_growth "${cpv[$size]}" "${cpv[$prev]}") |"
    growth+=" $(ratio "${tg[$size]}" "${tg[$prev]}") | $(cpu_growth "${cpg[$size]}" "${cpg[$prev]}") |"$'\n'
  fi
  prev=$size
  rm -rf "$dir"
done
if [ -n "$growth" ]; then
  echo
  echo "Growth from one size to the next (linear growth would be 10.00):"
  echo
  echo "| step | validate wall | validate CPU | gap wall | gap CPU |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s' "$growth"
fi
