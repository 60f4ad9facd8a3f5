#!/usr/bin/env bash
# kvh command line: --help, --lang, and exit status 2 for every kind of wrong usage.
# Usage: bash usage.sh /path/to/kvh /path/to/tests/data
set -u
KVH=$1 DATA=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect STATUS STREAM LINE ARGS…: exit status and one exact line on stdout (out) or stderr (err)
expect() {
    local want=$1 stream=$2 line=$3; shift 3
    "$KVH" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "kvh $* exited $got, expected $want"
    grep -qxF -- "$line" "$TMP/$stream" || fail "kvh $*: expected '$line' on $stream, got: $(cat "$TMP/$stream")"
}

expect 0 out "Användning: kvh [--lang sv|en] KOMMANDO FIL" --help
expect 0 out "Usage: kvh [--lang sv|en] COMMAND FILE" --lang en --help
expect 0 out "Usage: kvh [--lang sv|en] COMMAND FILE" -h --lang=en
expect 2 err "kvh: kommando saknas (se kvh --help)"
expect 2 err "kvh: unknown command “check” (see kvh --help)" --lang en check "$DATA/workspace_valid.json"
expect 2 err "kvh: okänt alternativ ”--verbose” (se kvh --help)" validate --verbose "$DATA/workspace_valid.json"
expect 2 err "kvh: filnamn saknas (se kvh --help)" validate
expect 2 err "kvh: oväntat argument ”extra” (se kvh --help)" stats "$DATA/workspace_valid.json" extra
expect 2 err "kvh: okänt språk ”de”; välj sv eller en" --lang de validate "$DATA/workspace_valid.json"
expect 2 err "kvh: okänt språk ””; välj sv eller en" validate "$DATA/workspace_valid.json" --lang

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "usage: ok"
