#!/usr/bin/env bash
# kvh validate on every file in tests/data, read as bytes from a path and from stdin: invalid_* files
# are refused, every other file is accepted; the files with bad bytes name what is wrong and where.
# Usage: bash file_bytes.sh /path/to/kvh /path/to/tests/data
set -u
KVH=$1 DATA=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# run EXPECTED_STATUS ARGS…: runs kvh, keeps stdout/stderr in $TMP/out and $TMP/err
run() {
    local want=$1; shift
    "$KVH" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "kvh $* exited $got, expected $want; stderr: $(cat "$TMP/err")"
}
has_line() { grep -qxF -- "$2" "$TMP/$1" || fail "expected line in $1: $2 — got: $(cat "$TMP/$1")"; }

checked=0
for file in "$DATA"/*; do
    case "$(basename "$file")" in
        *.mjs) continue ;; # a generator, not data
        invalid_*) want=1 ;;
        *) want=0 ;;
    esac
    run "$want" validate "$file"
    "$KVH" validate - <"$file" >/dev/null 2>&1
    got=$?
    [ "$got" -eq "$want" ] || fail "kvh validate - <$file exited $got, expected $want"
    checked=$((checked + 1))
done
[ "$checked" -ge 16 ] || fail "only $checked files found in $DATA"

run 0 validate "$DATA/valid_bom.json"
has_line out "$DATA/valid_bom.json: giltig, 1 dokument"

run 1 validate "$DATA/invalid_utf8_latin1_title.json"
has_line err "filen är inte giltig UTF-8-text: ogiltig byte på rad 9 (byteposition 215, räknat från 0). En export från Kvalitetshjul är alltid UTF-8; filen har sparats med en annan teckenkodning eller är skadad."
has_line err "$DATA/invalid_utf8_latin1_title.json: ogiltig, 1 fel"
run 1 --lang en validate "$DATA/invalid_utf8_latin1_title.json"
has_line err "the file is not valid UTF-8 text: invalid byte on line 9 (byte offset 215, counted from 0). An export from Kvalitetshjul is always UTF-8; the file has been saved in another encoding or is damaged."
run 1 validate "$DATA/invalid_utf8_surrogate_title.json"
grep -qF "(byteposition 246, räknat från 0)" "$TMP/err" || fail "surrogate: $(cat "$TMP/err")"
run 1 validate "$DATA/invalid_utf8_overlong_title.json"
grep -qF "(byteposition 233, räknat från 0)" "$TMP/err" || fail "overlong: $(cat "$TMP/err")"

# After the JSON value only whitespace may follow: neither a NUL byte nor anything else.
run 1 validate "$DATA/invalid_nul_junk.json"
has_line err "filen är inte giltig JSON: fel på rad 25, kolumn 1"
has_line err "$DATA/invalid_nul_junk.json: ogiltig, 1 fel"
run 1 validate "$DATA/invalid_number_nul.json"
has_line err "filen är inte giltig JSON: fel på rad 1, kolumn 4"
run 1 validate "$DATA/invalid_trailing_garbage.json"
has_line err "filen är inte giltig JSON: fel på rad 25, kolumn 1"
printf '{}\0' >"$TMP/nul.json"
run 1 validate "$TMP/nul.json"
has_line err "filen är inte giltig JSON: fel på rad 1, kolumn 3"

run 1 validate "$DATA/invalid_not_an_export.csv"
has_line err "filen är ingen export från Kvalitetshjul: en export är en JSON-fil som börjar med ”{”"
printf '%%PDF-1.7\n%%\342\343\317\323\n' >"$TMP/report.pdf"
run 1 --lang en validate "$TMP/report.pdf"
has_line err "the file is not an export from Kvalitetshjul: an export is a JSON file that starts with “{”"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "file_bytes: ok ($checked files)"
