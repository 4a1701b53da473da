#!/usr/bin/env bash
# Step 2 of natospend's GitHub Action (action.yml): run natospend check.
#
# Runs check three ways on the same flags: --format github (annotations in
# the log, and check's summary line), --format markdown appended to
# $GITHUB_STEP_SUMMARY (when INPUT_SUMMARY is true) and --format junit
# into INPUT_JUNIT (when set). Exits with check's code, also written to
# $GITHUB_OUTPUT (exit-code=...). Every format exits with the same code for
# the same flags.
#
# Environment: NATOSPEND_BIN (from the install step); INPUT_TARGET,
# INPUT_COUNTRY, INPUT_GROUP, INPUT_ON_TRACK, INPUT_ARGS, INPUT_SUMMARY,
# INPUT_JUNIT (the action's inputs); GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
set -uo pipefail

bin="${NATOSPEND_BIN:?NATOSPEND_BIN is not set: the install step did not run}"
args=(check)
if [ -n "${INPUT_TARGET:-}" ]; then args+=(--target "$INPUT_TARGET"); fi
if [ -n "${INPUT_COUNTRY:-}" ]; then args+=(--country "$INPUT_COUNTRY"); fi
if [ -n "${INPUT_GROUP:-}" ]; then args+=(--group "$INPUT_GROUP"); fi
case "${INPUT_ON_TRACK:-false}" in
  true) args+=(--on-track) ;;
  false | "") ;;
  *) echo "::error title=natospend check::on-track must be true or false, not '$INPUT_ON_TRACK'"; exit 2 ;;
esac
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<< "$INPUT_ARGS"
  args+=("${extra[@]}")
fi

"$bin" "${args[@]}" --format github
code=$?

case "${INPUT_SUMMARY:-true}" in
  true)
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      "$bin" "${args[@]}" --format markdown --quiet >> "$GITHUB_STEP_SUMMARY"
      c=$?
      if [ "$c" != "$code" ]; then
        echo "::warning title=natospend check::the Markdown summary run exited $c, the check $code"
      fi
    fi
    ;;
  false) ;;
  *) echo "::error title=natospend check::summary must be true or false, not '$INPUT_SUMMARY'"; exit 2 ;;
esac

if [ -n "${INPUT_JUNIT:-}" ]; then
  tmp="$INPUT_JUNIT.tmp.$$"
  "$bin" "${args[@]}" --format junit --quiet > "$tmp"
  c=$?
  if [ "$c" = "$code" ] && [ -s "$tmp" ]; then
    mv -f "$tmp" "$INPUT_JUNIT"
  else
    rm -f "$tmp"
    echo "::warning title=natospend check::no JUnit report written: the run exited $c"
  fi
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
fi
exit "$code"
