#!/usr/bin/env bash
# Runs the same command lines with two natospend binaries and reports any
# difference in standard output, standard error or exit code: the check that
# a refactor changed no output (issue 21). Files written with --output go to
# a scratch folder per binary and are compared too.
#
#   bash scripts/samecmds/compare.sh OLD_BINARY NEW_BINARY [LINES_FILE]
#
# LINES_FILE (default scripts/samecmds/lines.txt): one command line a line,
# arguments after "natospend", shell-quoted; # starts a comment. OUT in a
# line stands for the scratch folder.
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2")
lines=${3:-"$(dirname "$0")/lines.txt"}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
n=0; diffs=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n+1))
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    d="$work/$side/$n"; mkdir -p "$d/out"
    ( cd "$d" && eval "env -i PATH=/usr/bin:/bin HOME=$d NO_COLOR= COLUMNS=100 \"$bin\" ${line//OUT/$d/out}" >"$d/stdout" 2>"$d/stderr" </dev/null; echo $? >"$d/rc" ) || true
  done
  a="$work/old/$n"; b="$work/new/$n"
  if ! diff -q "$a/stdout" "$b/stdout" >/dev/null || ! diff -q "$a/stderr" "$b/stderr" >/dev/null || ! diff -q "$a/rc" "$b/rc" >/dev/null || ! diff -rq "$a/out" "$b/out" >/dev/null; then
    diffs=$((diffs+1))
    echo "DIFFERS: natospend $line"
    diff <(cat "$a/stdout" "$a/stderr" "$a/rc") <(cat "$b/stdout" "$b/stderr" "$b/rc") | head -20 || true
    diff -r "$a/out" "$b/out" | head -5 || true
  fi
done <"$lines"
echo "$n command lines, $diffs differ"
[ "$diffs" -eq 0 ]
