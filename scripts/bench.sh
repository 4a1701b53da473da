#!/usr/bin/env bash
# Whole-process benchmarks of natospend (docs/performance.md): builds the
# binary and two baselines in this run, generates synthetic data, and
# reports ratios, peak memory and growth rather than absolute times.
#
#   bash scripts/bench.sh                      # everything (some 2.5 minutes on 2 cores)
#   SIZES="10k 100k1 100k" bash scripts/bench.sh   # leave out the 1M data set
#   SIZES= bash scripts/bench.sh               # parts (a) and (c)
#   ROUNDS=0 SIZES= CROUNDS=3 bash scripts/bench.sh   # part (c) only
#
# (a) start-up: `natospend gap --target 3.7 --format csv` on the embedded
#     data against two baselines (scripts/baseline), interleaved rounds.
# (b) `natospend gap` on synthetic data (scripts/gendata) against a pandas
#     script doing the same job on the same cells as CSV
#     (scripts/bench_pandas.py), in one hyperfine run per round, after a
#     check that both print the same totals; then a least-squares fit of
#     time and memory per cell over the sizes, and the goals of issue 15.
# (c) `natospend chart`: each of the README's four charts (docs/img) as PNG
#     against the same chart as SVG, interleaved rounds; the goal of issue
#     22: a PNG at most 5x the SVG.
#
# Sizes of part (b) (200 countries x 50 years per release, unless said):
#   10k    1 release                                       (1 file)
#   100k1  1 release of 1000 countries x 100 years         (1 file)
#   100k   10 releases                                     (10 files)
#   1m     100 releases                                    (100 files)
#
# Environment:
#   BENCH_DIR  work directory (default: a new temporary one, removed at the end)
#   ROUNDS     rounds of part (a) (default 10): each round times every command
#              once more, in turn, so that a slow spell of the machine falls
#              on all of them; the result is the median of the rounds' medians;
#              0 leaves part (a) out
#   RUNS       runs per command and round in part (a) (default 40)
#   SIZES      data sets of part (b), among 10k 100k1 100k 1m (default: all four)
#   BROUNDS    rounds of part (b) (default 5), interleaved the same way (the
#              order of the commands alternates from one round to the next)
#   VALIDATE   1: time `natospend validate` too in part (b) (default 0)
#   CROUNDS    rounds of part (c) (default 5; 0 leaves it out), each timing
#              every chart RUNS / 2 times in SVG then PNG (PNG then SVG
#              every other round)
#   PYTHON     the python3 with pandas (default: the first of python3 and
#              /usr/bin/python3 that imports pandas; none: the comparison
#              is skipped with a message)
#
# Needs go; uses hyperfine when installed (apt-get install hyperfine), else
# repeated runs with medians; peak memory is GNU time's maximum resident set
# size (/usr/bin/time -f %M; apt-get install time), the median of 5 runs
# (3 for the larger data sets). The pandas comparison needs python3 with
# pandas (apt-get install python3-pandas).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-10}
runs=${RUNS:-40}
sizes=${SIZES-10k 100k1 100k 1m}
brounds=${BROUNDS:-5}
crounds=${CROUNDS:-5}
validate=${VALIDATE:-0}
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

# The python3 with pandas for the comparison of part (b), if any.
python=""
if [ -n "$sizes" ]; then
  for py in ${PYTHON:-python3 /usr/bin/python3}; do
    if "$py" -c 'import pandas' >/dev/null 2>&1; then
      python=$py
      break
    fi
  done
  if [ -z "$python" ]; then
    log "python3 with pandas not found (apt-get install python3-pandas): the pandas comparison of part (b) is skipped"
  fi
fi

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
    # Fields counted from the end: the command (the first) may hold commas.
    tail -n 1 "$work/h.csv" | awk -F, '{printf "%.3f\n", $(NF-3) + $(NF-2)}' >"$work/cpu"
    tail -n 1 "$work/h.csv" | awk -F, '{print $(NF-4)}'
  else
    local i
    for ((i = 0; i < warm; i++)); do "$@" >/dev/null 2>&1; done
    for ((i = 0; i < n; i++)); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1
      t1=$(date +%s%N)
      echo "$((t1 - t0))e-9"
    done | median
  fi
}

# peak_kib RUNS CMD...: the median of the maximum resident set sizes, KiB.
peak_kib() {
  local n=$1 i
  shift
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
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
  "timing: $($have_hyperfine && hyperfine --version || echo 'repeated runs, median');" \
  "pandas: $([ -n "$python" ] && "$python" -c 'import sys, pandas; print("pandas", pandas.__version__, "on Python", sys.version.split()[0])' || echo 'none')."
echo
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
echo

# --- (a) start-up against the baselines ------------------------------------
startup_ratio=""
embedded_rss=""
if [ "$rounds" -gt 0 ]; then
  names=("bare" "libs" "natospend gap" "natospend --version")
  cmds=("$work/bare" "$work/libs gap --target 3.7" "$ns gap --target 3.7 --format csv" "$ns --version")
  for i in "${!cmds[@]}"; do : >"$work/a$i"; done
  for ((r = 1; r <= rounds; r++)); do
    log "part (a): round $r of $rounds"
    order=("${!cmds[@]}")
    if ((r % 2 == 0)); then order=(3 2 1 0); fi
    for i in "${order[@]}"; do
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
  echo "(over 1.10 in $(paste -d' ' "$work/a2" "$work/a1" | awk '$1/$2 > 1.10 {n++} END {print n+0}') of $rounds rounds;" \
    "median of the rounds' ratios $(paste -d' ' "$work/a2" "$work/a1" | awk '{print $1/$2}' | median | awk '{printf "%.2f", $1}'))."
  echo
  startup_ratio=$(ratio "${t[2]}" "${t[1]}")
  embedded_rss=$(mib "${rss[2]}")
fi

# --- (b) gap on synthetic data against the pandas script --------------------

# ns_totals FILE: the totals of natospend's CSV output ("Totals add up the
# rows shown"): countries, meeting, GDP, defence, required, net gap and
# shortfalls alone.
ns_totals() {
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
    {n++; if ($c["status"] == "meets") m++; g += $c["gdp_musd"]; d += $c["defence_musd"]; r += $c["required_musd"]
     x = $c["gap_musd"]; p += x; if (x > 0) s += x}
    END {printf "%d %d %.17g %.17g %.17g %.17g %.17g\n", n, m, g, d, r, p, s}' "$1"
}

# pd_totals FILE: the same from the pandas script's output (its TOTAL row).
pd_totals() {
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
    $c["code"] != "TOTAL" {n++; next}
    {split($c["status"], a, " "); m = a[1]; g = $c["gdp_musd"]; d = $c["defence_musd"]; r = $c["required_musd"]
     p = $c["gap_musd"]; s = $c["shortfall_musd"]}
    END {printf "%d %d %.17g %.17g %.17g %.17g %.17g\n", n, m, g, d, r, p, s}' "$1"
}

# agree A B: whether two lines of totals agree: the counts exactly, the sums
# within 1e-9 of their size (they add the same numbers in another order).
agree() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    na = split(a, x, " "); nb = split(b, y, " "); if (na != 7 || nb != 7) exit 1
    if (x[1] != y[1] || x[2] != y[2]) exit 1
    for (i = 3; i <= 7; i++) {
      s = x[i] < 0 ? -x[i] : x[i]; t = y[i] < 0 ? -y[i] : y[i]; if (t > s) s = t; if (s < 1) s = 1
      d = x[i] - y[i]; if (d < 0) d = -d; if (d > 1e-9 * s) exit 1
    }
  }'
}

# fit: reads lines "x y" and prints the line y = a + b x as "b a dev", dev
# the largest relative deviation of a point from the line. The line is the
# least-squares one on relative deviations (weights 1/y^2), so that the
# sizes, a decade apart, count alike (on absolute deviations the largest
# size alone would set the line).
fit() {
  awk '{x[NR] = $1; y[NR] = $2; w = 1 / ($2 * $2); s += w; sx += w * $1; sy += w * $2; sxx += w * $1 * $1; sxy += w * $1 * $2}
    END {
      n = NR; if (n < 2) exit 1
      b = (s * sxy - sx * sy) / (s * sxx - sx * sx); a = (sy - b * sx) / s
      for (i = 1; i <= n; i++) {d = (y[i] - (a + b * x[i])) / y[i]; if (d < 0) d = -d; if (d > dev) dev = d}
      printf "%.6g %.6g %.4f\n", b, a, dev
    }'
}

# goal NAME MEASURED OK: a line of the goals table.
goals=""
goal() { goals+="| $1 | $2 | $(if [ "$3" = 1 ]; then echo met; else echo '**not met**'; fi) |"$'\n'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? 1 : 0}'; }

if [ -n "$sizes" ]; then
  echo "## (b) natospend gap on synthetic data against a pandas script on the same cells"
  echo
  echo "natospend: \`natospend gap --no-default-data --data DIR --target 3.7 --format csv\` on the YAML"
  echo "of scripts/gendata; pandas: \`python3 scripts/bench_pandas.py --target 3.7 CSVDIR\` on the same"
  echo "cells as CSV (\`gendata -csv\`), the same job (the newest release's latest year, each"
  echo "country's gap (target - share)/100 x GDP, the totals). Before the timing, both outputs are"
  echo "checked to agree on the totals (countries, meeting, GDP, defence, required, gap, shortfall)."
  echo "Each of $brounds rounds times the commands in one hyperfine run, in alternating order;"
  echo "wall: the median of the rounds' medians; CPU: the median of the rounds' mean user + system"
  echo "time (natospend parses files on both cores, pandas on one); peak RSS: GNU time's, the"
  echo "median of interleaved runs."
  echo
  if [ -z "$python" ]; then
    echo "**pandas comparison skipped: no python3 with pandas** (apt-get install python3-pandas)."
    echo
  fi
  : >"$work/fitdata"
  rows=""
  noise=""
  vrows=""
  for size in $sizes; do
    case $size in
    10k) label=10k rel=1 cty=200 yrs=50 n=10 m=5 ;;
    100k1) label="100k, one file" rel=1 cty=1000 yrs=100 n=5 m=3 ;;
    100k) label="100k, ten files" rel=10 cty=200 yrs=50 n=5 m=3 ;;
    1m) label=1M rel=100 cty=200 yrs=50 n=3 m=3 ;;
    *) echo "bench: unknown size $size (expected 10k, 100k1, 100k or 1m)" >&2; exit 2 ;;
    esac
    dir=$work/syn$size
    csvdir=$work/csv$size
    log "part (b): generating $size"
    "$work/gendata" -out "$dir" -csv "$csvdir" -releases $rel -countries $cty -years $yrs 2>/dev/null
    cells=$((rel * cty * yrs))
    files=$(find "$dir" -name 'synthetic-*.yaml' | wc -l)
    yaml_mib=$(du -sk "$dir" | awk '{printf "%.1f", $1/1024}')
    csv_mib=$(du -sk "$csvdir" | awk '{printf "%.1f", $1/1024}')
    names=("natospend gap")
    cmds=("$ns gap --no-default-data --data $dir --target 3.7 --format csv")
    if [ -n "$python" ]; then
      names+=("pandas")
      cmds+=("$python $PWD/scripts/bench_pandas.py --target 3.7 $csvdir")
      # The same work: both print the same totals.
      "$ns" gap --no-default-data --data "$dir" --target 3.7 --format csv >"$work/ns.csv" 2>/dev/null
      "$python" scripts/bench_pandas.py --target 3.7 "$csvdir" >"$work/pd.csv"
      a=$(ns_totals "$work/ns.csv")
      b=$(pd_totals "$work/pd.csv")
      if ! agree "$a" "$b"; then
        echo "bench: $size: natospend and the pandas script disagree on the totals (countries meeting GDP defence required gap shortfall):" >&2
        echo "  natospend: $a" >&2
        echo "  pandas:    $b" >&2
        exit 1
      fi
      log "part (b): $size: the totals agree ($a)"
    fi
    if [ "$validate" = 1 ]; then
      names+=("natospend validate")
      cmds+=("$ns validate --no-default-data $dir")
    fi
    k=${#cmds[@]}
    for ((i = 0; i < k; i++)); do : >"$work/b$i"; : >"$work/c$i"; done
    for ((r = 1; r <= brounds; r++)); do
      log "part (b): $size, round $r of $brounds"
      order=()
      for ((i = 0; i < k; i++)); do
        if ((r % 2)); then order+=("$i"); else order=("$i" "${order[@]}"); fi
      done
      if $have_hyperfine; then
        list=()
        for i in "${order[@]}"; do list+=("${cmds[$i]}"); done
        hyperfine -N --style none --warmup 1 --runs "$n" --export-csv "$work/h.csv" -- "${list[@]}" >/dev/null
        j=2
        for i in "${order[@]}"; do
          sed -n "${j}p" "$work/h.csv" | cut -d, -f4 >>"$work/b$i"
          sed -n "${j}p" "$work/h.csv" | awk -F, '{printf "%.3f\n", $5 + $6}' >>"$work/c$i"
          j=$((j + 1))
        done
      else
        for i in "${order[@]}"; do
          # shellcheck disable=SC2086 # the commands are split on spaces on purpose
          seconds "$n" 1 ${cmds[$i]} >>"$work/b$i"
          echo - >>"$work/c$i"
        done
      fi
    done
    for ((i = 0; i < k; i++)); do : >"$work/r$i"; done
    for ((j = 0; j < m; j++)); do
      for ((i = 0; i < k; i++)); do
        # shellcheck disable=SC2086
        /usr/bin/time -f %M -o "$work/rss" ${cmds[$i]} >/dev/null 2>&1
        tail -n 1 "$work/rss" >>"$work/r$i"
      done
    done
    declare -a w c p
    for ((i = 0; i < k; i++)); do
      w[i]=$(median <"$work/b$i")
      if grep -q -- - "$work/c$i"; then c[i]=-; else c[i]=$(median <"$work/c$i" | awk '{printf "%.3f", $1}'); fi
      p[i]=$(median <"$work/r$i")
    done
    line="| $label | $cells | $files | $yaml_mib | $csv_mib | $(printf %.3f "${w[0]}") | ${c[0]} | $(mib "${p[0]}") |"
    pw=- pc=- pp=-
    if [ -n "$python" ]; then
      pw=${w[1]} pc=${c[1]} pp=${p[1]}
      line+=" $(printf %.3f "$pw") | $pc | $(mib "$pp") | **$(ratio "${w[0]}" "$pw")** | $(ratio "${p[0]}" "$pp") |"
      noise+="- $label: natospend $(awk '{printf "%.3f ", $1}' "$work/b0")s; pandas $(awk '{printf "%.3f ", $1}' "$work/b1")s;"
      noise+=" ratio $(paste -d' ' "$work/b0" "$work/b1" | awk '{printf "%.2f ", $1/$2}')"$'\n'
      goal "faster than pandas at $label" \
        "$(ratio "${w[0]}" "$pw")x the pandas script's time" "$(lt "${w[0]}" "$pw")"
    else
      line+=" - | - | - | - | - |"
      noise+="- $label: natospend $(awk '{printf "%.3f ", $1}' "$work/b0")s"$'\n'
    fi
    rows+=$line$'\n'
    if [ "$validate" = 1 ]; then
      vrows+="| $label | $cells | $files | $(printf %.3f "${w[k - 1]}") | ${c[k - 1]} | $(mib "${p[k - 1]}") |"$'\n'
    fi
    echo "$size $cells $files ${w[0]} ${c[0]} ${p[0]} $pw $pc $pp" >>"$work/fitdata"
    case $size in
    100k1)
      goal "100k in one file under 0.3 s" "$(printf %.3f "${w[0]}") s" "$(lt "${w[0]}" 0.3)"
      goal "100k in one file under 128 MiB" "$(mib "${p[0]}") MiB" "$(lt "${p[0]}" $((128 * 1024)))"
      ;;
    1m)
      goal "1M in 100 files under 2 s" "$(printf %.3f "${w[0]}") s" "$(lt "${w[0]}" 2)"
      goal "1M in 100 files under 512 MiB" "$(mib "${p[0]}") MiB" "$(lt "${p[0]}" $((512 * 1024)))"
      ;;
    esac
    rm -rf "$dir" "$csvdir"
  done
  echo "| data | country-years | files | YAML (MiB) | CSV (MiB) | natospend wall (s) | CPU (s) | peak RSS (MiB) | pandas wall (s) | CPU (s) | peak RSS (MiB) | time natospend / pandas | RSS natospend / pandas |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s' "$rows"
  echo
  echo "The rounds' medians (how noisy the machine was):"
  echo
  printf '%s' "$noise"
  echo
  if [ -n "$vrows" ]; then
    echo "\`natospend validate --no-default-data DIR\` in the same runs:"
    echo
    echo "| data | country-years | files | wall (s) | CPU (s) | peak RSS (MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    printf '%s' "$vrows"
    echo
  fi

  # Growth: a least-squares line over the sizes of 10k-cell files (10k,
  # 100k, 1m: the same files, more of them); 100k in one file is compared
  # with that line.
  series=$(awk '$3 * 10000 == $2' "$work/fitdata")
  if [ "$(echo "$series" | grep -c .)" -ge 2 ]; then
    echo "### Growth: a least-squares line over the sizes"
    echo
    echo "Over $(echo "$series" | awk '{printf "%s%s", (NR > 1 ? ", " : ""), $2}') cells (files of 10,000 cells each): cost = fixed + per cell x cells,"
    echo "the least-squares line on relative deviations (each size counts alike)."
    echo "Linear growth shows as small deviations of the points from the line; the growth from"
    echo "100k to 1M (10x the cells) would be 10.0 if the cost were all per cell."
    echo
    echo "| measure | per cell | fixed | largest deviation from the line | 100k to 1M |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    fitrow() { # NAME COLUMN UNIT(time|mem)
      local col=$2 f
      if echo "$series" | awk -v c="$col" '$c == "-" {bad = 1} END {exit !bad}'; then return; fi
      f=$(echo "$series" | awk -v c="$col" '{print $2, $c}' | fit) || return
      local g
      g=$(echo "$series" | awk -v c="$col" '$1 == "100k" {a = $c} $1 == "1m" {b = $c} END {if (a && b) printf "%.2fx", b / a; else print "-"}')
      if [ "$3" = time ]; then
        echo "$f" | awk -v n="$1" -v g="$g" '{printf "| %s | %.2f µs | %.3f s | %.0f%% | %s |\n", n, $1 * 1e6, $2, $3 * 100, g}'
      else
        echo "$f" | awk -v n="$1" -v g="$g" '{printf "| %s | %.0f bytes | %.1f MiB | %.0f%% | %s |\n", n, $1 * 1024, $2 / 1024, $3 * 100, g}'
      fi
    }
    fitrow "natospend wall" 4 time
    fitrow "natospend CPU" 5 time
    fitrow "natospend peak RSS" 6 mem
    fitrow "pandas wall" 7 time
    fitrow "pandas CPU" 8 time
    fitrow "pandas peak RSS" 9 mem
    echo
    one=$(awk '$1 == "100k1"' "$work/fitdata")
    if [ -n "$one" ]; then
      wl=$(echo "$series" | awk '{print $2, $4}' | fit)
      ml=$(echo "$series" | awk '{print $2, $6}' | fit)
      echo "100k in one file against the line: wall $(echo "$one $wl" | awk '{l = $11 + $10 * $2; printf "%.3f s (the line: %.3f s, %+.0f%%)", $4, l, ($4 / l - 1) * 100}'),"
      echo "peak RSS $(echo "$one $ml" | awk '{l = $11 + $10 * $2; printf "%.1f MiB (the line: %.1f MiB, %+.0f%%)", $6 / 1024, l / 1024, ($6 / l - 1) * 100}')."
      echo
    fi
    lin=$(echo "$series" | awk '$1 == "100k" {a = $4; am = $6} $1 == "1m" {b = $4; bm = $6} END {if (a && b) printf "%.2f %.2f", b / a, bm / am}')
    if [ -n "$lin" ]; then
      read -r gw gm <<<"$lin"
      goal "1M linear: 100k to 1M (10x the cells) at most 11x in wall time and memory" "${gw}x wall, ${gm}x peak RSS" \
        "$(awk -v a="$gw" -v b="$gm" 'BEGIN {print (a <= 11 && b <= 11) ? 1 : 0}')"
    fi
  fi
fi

# --- (c) charts: PNG against SVG ---------------------------------------------
if [ "$crounds" -gt 0 ]; then
  cnames=("share" "gap" "history" "path")
  cargs=("--kind share --target 2,3.5"
    "--kind gap --target 3.5"
    "--kind history --country DEU,FRA,GBR,POL,USA,ITA --target 2,3.5"
    "--kind path --target hague-core --country DEU,FRA,ITA,ESP")
  cruns=$((runs / 2))
  ((cruns >= 3)) || cruns=3
  for i in "${!cnames[@]}"; do : >"$work/c${i}svg"; : >"$work/c${i}png"; : >"$work/c${i}svgcpu"; : >"$work/c${i}pngcpu"; done
  for ((r = 1; r <= crounds; r++)); do
    log "part (c): round $r of $crounds"
    exts=(svg png)
    if ((r % 2 == 0)); then exts=(png svg); fi
    for i in "${!cnames[@]}"; do
      for ext in "${exts[@]}"; do
        # shellcheck disable=SC2086 # the arguments are split on spaces on purpose
        seconds "$cruns" 2 $ns chart ${cargs[$i]} --output "$work/chart.$ext" >>"$work/c$i$ext"
        cat "$work/cpu" >>"$work/c$i${ext}cpu"
      done
    done
  done
  echo "## (c) natospend chart: PNG against the same chart as SVG"
  echo
  echo "The README's four charts (docs/img); median of $crounds rounds of $cruns runs each (wall),"
  echo "CPU time (user + system) the median of the rounds' means. share has 31 bars (the densest)."
  echo
  echo "| chart | SVG wall (ms) | PNG wall (ms) | PNG / SVG wall | SVG CPU (ms) | PNG CPU (ms) | PNG / SVG CPU |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  worst=0
  for i in "${!cnames[@]}"; do
    sw=$(median <"$work/c${i}svg")
    pw=$(median <"$work/c${i}png")
    sc=$(median <"$work/c${i}svgcpu" 2>/dev/null || echo -)
    pc=$(median <"$work/c${i}pngcpu" 2>/dev/null || echo -)
    if [ "$sc" = - ] || [ "$pc" = - ] || ! $have_hyperfine; then
      cpucols="- | - | -"
    else
      cpucols="$(ms "$sc") | $(ms "$pc") | $(ratio "$pc" "$sc")"
    fi
    echo "| ${cnames[$i]} | $(ms "$sw") | $(ms "$pw") | $(ratio "$pw" "$sw") | $cpucols |"
    worst=$(awk -v w="$worst" -v r="$(ratio "$pw" "$sw")" 'BEGIN {print (r > w) ? r : w}')
  done
  echo
  echo "Goal of issue 22 (item 7): a PNG chart at most 5x the same chart as SVG (wall):" \
    "worst ${worst}x, $(awk -v a="$worst" 'BEGIN {print (a <= 5) ? "met" : "**not met**"}')."
  echo
fi

if [ -n "$startup_ratio" ]; then
  goal "start-up within 1.1x of the floor (gap --target 3.7 --format csv / libs)" "${startup_ratio}x" \
    "$(awk -v a="$startup_ratio" 'BEGIN {print (a <= 1.10) ? 1 : 0}')"
  goal "peak RSS on the embedded data under 30 MiB" "$embedded_rss MiB" "$(lt "$embedded_rss" 30)"
fi
if [ -n "$goals" ]; then
  echo "## Goals of issue 15 (medians of this run)"
  echo
  echo "| goal | measured | |"
  echo "| --- | --- | --- |"
  printf '%s' "$goals"
  echo
fi
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)."
