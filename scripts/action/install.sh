#!/usr/bin/env bash
# Step 1 of natospend's GitHub Action (action.yml): install natospend.
#
# Downloads natospend_<version>_<os>_<arch>.tar.gz (.zip on Windows) and
# SHA256SUMS from the release, refuses the archive unless its SHA-256 is
# the one SHA256SUMS lists, unpacks it under $RUNNER_TEMP and writes the
# binary's path to $GITHUB_OUTPUT (bin=...) and its folder to $GITHUB_PATH
# (natospend is on PATH for the job's later steps). Where no archive fits the
# runner (another OS or architecture) and Go is installed, it falls back to
# go install github.com/natospend/natospend/cmd/natospend@VERSION.
#
# Environment:
#   NATOSPEND_VERSION     the release tag (v1.2.3); empty: NATOSPEND_ACTION_REF
#   NATOSPEND_ACTION_REF  the action's own ref (github.action_ref)
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH   set by the runner
#   NATOSPEND_BASE_URL    FOR TESTS ONLY: where the archives are, instead of
#                         https://github.com/natospend/natospend/releases/download/VERSION
#                         (scripts/release/action_test.go points it at a
#                         local folder, file:///...)
set -euo pipefail

fail() { echo "::error title=natospend install::$*"; exit 1; }

version="${NATOSPEND_VERSION:-}"
if [ -z "$version" ]; then
  # The action's own ref; some runners leave github.action_ref empty in a
  # composite action's steps, and set GITHUB_ACTION_REF instead.
  version="${NATOSPEND_ACTION_REF:-${GITHUB_ACTION_REF:-}}"
fi
if [ -z "$version" ]; then
  fail "no version: set the action's version input to a natospend release tag (v1.2.3)"
fi
case "$version" in
  *[!A-Za-z0-9._+-]*) fail "version '$version' is not a release tag (expected v1.2.3)" ;;
esac

case "${RUNNER_OS:-}" in
  Linux) os=linux ;;
  macOS) os=darwin ;;
  Windows) os=windows ;;
  *) os="" ;;
esac
case "${RUNNER_ARCH:-}" in
  X64) arch=amd64 ;;
  ARM64) arch=arm64 ;;
  *) arch="" ;;
esac

dest="${RUNNER_TEMP:?RUNNER_TEMP is not set}/natospend-$version"
mkdir -p "$dest"
exe=natospend
if [ "$os" = windows ]; then exe=natospend.exe; fi

is_tag=false
if [[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then is_tag=true; fi

if [ -z "$os" ] || [ -z "$arch" ] || [ "$is_tag" = false ]; then
  # No archive fits: a runner natospend has no build for, or a ref that
  # is not a release tag (an action pinned by commit SHA).
  if ! command -v go >/dev/null 2>&1; then
    fail "no natospend archive fits (runner ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}, version $version) and Go is not installed: set version to a release tag, or set up Go before this action"
  fi
  echo "natospend: no archive fits (runner ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}, version $version): go install github.com/natospend/natospend/cmd/natospend@$version"
  GOBIN="$dest" go install "github.com/natospend/natospend/cmd/natospend@$version"
  bin="$dest/$exe"
else
  name="natospend_${version}_${os}_${arch}"
  archive="$name.tar.gz"
  if [ "$os" = windows ]; then archive="$name.zip"; fi
  base="${NATOSPEND_BASE_URL:-https://github.com/natospend/natospend/releases/download/$version}"
  dl="$dest/download"
  rm -rf "$dl" && mkdir -p "$dl"
  echo "natospend: downloading $base/$archive"
  curl -fsSL --retry 3 -o "$dl/SHA256SUMS" "$base/SHA256SUMS" || fail "cannot download $base/SHA256SUMS"
  curl -fsSL --retry 3 -o "$dl/$archive" "$base/$archive" || fail "cannot download $base/$archive"

  # The archive's line of SHA256SUMS, and nothing else, is checked.
  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$dl/SHA256SUMS")
  if [ -z "$want" ]; then
    fail "SHA256SUMS does not list $archive: refusing to install it"
  fi
  if command -v sha256sum >/dev/null 2>&1; then
    got=$(sha256sum "$dl/$archive" | awk '{print $1}')
  else
    got=$(shasum -a 256 "$dl/$archive" | awk '{print $1}')
  fi
  if [ "$got" != "$want" ]; then
    rm -f "$dl/$archive"
    fail "checksum mismatch for $archive: SHA256SUMS says $want, the download is $got; refusing to install it"
  fi
  echo "natospend: $archive: SHA-256 $got, as SHA256SUMS lists"

  if [ "$os" = windows ]; then
    unzip -q -o "$dl/$archive" -d "$dest"
  else
    tar -xzf "$dl/$archive" -C "$dest"
  fi
  bin="$dest/$name/$exe"
fi

if [ ! -x "$bin" ]; then
  fail "natospend is not at $bin after installing"
fi
echo "natospend: installed $("$bin" --version)"
# On PATH for the job's later steps too.
if [ -n "${GITHUB_PATH:-}" ]; then
  dirname "$bin" >> "$GITHUB_PATH"
fi
{
  echo "bin=$bin"
  echo "version=$version"
} >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
