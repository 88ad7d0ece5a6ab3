#!/bin/bash
# Start-up loads only what every verb uses (issue 15): libxml2 (with ICU
# and libstdc++), libxlsxwriter and libzip (with libcrypto), minizip (with
# zlib) and libcsv are not linked but loaded by the verbs that read .xlsx,
# write .xlsx, .docx or .pptx, make an encrypted zip or read a CSV file
# (lib/util/lazylib.h).  Such a library that cannot be
# loaded is an error naming it, with no file left behind, not a crash.
# A command about one kind parses only that kind's schema (and the files
# its $refs name): a broken schema of another kind does not stop it, and
# lint still reports it.
. "$(dirname "$0")/lib/common.bash"

command -v ldd >/dev/null || { echo "no ldd" >&2; exit 77; }

# Nothing of them, or of what they pull in, is loaded at exec.
ldd "$NCIO" >"$T/ldd" 2>&1 || fail "ldd $NCIO failed"
expect_no_grep "$T/ldd" 'lib(xml2|xlsxwriter|zip|crypto|icuuc|icudata|stdc\+\+|minizip|csv|z)\.so'
expect_status 0 "$NCIO" --version
expect_grep "$T/out" '^nerima-cio '

D=$T/data
sample_copy "$D"
EX=("$NCIO" -C "$D" checklist export form --kind department --fy 2026
    --org hisho)
MISSING=libncio-missing.so.0

# libxlsxwriter: the form (.xlsx) is not written.
expect_status 1 env NCIO_LIBXLSXWRITER=$MISSING "${EX[@]}" -o "$T/form.xlsx"
expect_grep "$T/err" "^nerima-cio: .*cannot load libxlsxwriter \('$MISSING' from NCIO_LIBXLSXWRITER\): .*$MISSING"
[ ! -e "$T/form.xlsx" ] || fail "a form was written without libxlsxwriter"
expect_status 0 "${EX[@]}" -o "$T/form.xlsx"
[ -s "$T/form.xlsx" ] || fail "no form written"

# libxml2: the form is not read, and nothing is imported.
cp -R "$D" "$T/before"
expect_status 1 env NCIO_LIBXML2=$MISSING "$NCIO" -C "$D" checklist import \
    "$T/form.xlsx"
expect_grep "$T/err" "cannot load libxml2 \('$MISSING' from NCIO_LIBXML2\)"
checks=$((checks + 1))
diff -r "$T/before" "$D" >/dev/null || fail "the import changed the data"

# libzip: no zip.
printf 'correct horse battery staple\n' >"$T/pw"
chmod 600 "$T/pw"
expect_status 1 env NCIO_LIBZIP=$MISSING "${EX[@]}" --zip "$T/f.zip" \
    --password-file "$T/pw"
expect_grep "$T/err" "cannot load libzip \('$MISSING' from NCIO_LIBZIP\)"
[ ! -e "$T/f.zip" ] || fail "a zip was written without libzip"
expect_status 0 "${EX[@]}" --zip "$T/f.zip" --password-file "$T/pw"
[ -s "$T/f.zip" ] || fail "no zip written"

# minizip: no Word document.
expect_status 1 env NCIO_LIBMINIZIP=$MISSING "$NCIO" -C "$D" review export \
    notice rv-gxzn39za -o "$T/n.docx"
expect_grep "$T/err" "cannot load minizip \('$MISSING' from NCIO_LIBMINIZIP\)"
[ ! -e "$T/n.docx" ] || fail "a document was written without minizip"
expect_status 0 "$NCIO" -C "$D" review export notice rv-gxzn39za -o "$T/n.docx"
[ -s "$T/n.docx" ] || fail "no document written"

# libcsv: the CSV is not read (nor anything imported).
TR=$(cd "$D/trainings/2025" && ls | head -n 1)
printf 'a,b\n1,2\n' >"$T/x.csv"
rm -rf "$T/before" && cp -R "$D" "$T/before"
expect_status 1 env NCIO_LIBCSV=$MISSING "$NCIO" -C "$D" training import \
    "${TR%.yaml}" "$T/x.csv" --rules "$NCIO_SOURCE_DIR/data/training-elearning-rules.yaml"
expect_grep "$T/err" "cannot load libcsv \('$MISSING' from NCIO_LIBCSV\)"
checks=$((checks + 1))
diff -r "$T/before" "$D" >/dev/null || fail "the import changed the data"

# A file that is not a library at all.
expect_status 1 env NCIO_LIBXML2=/etc/passwd "$NCIO" -C "$D" checklist \
    import "$T/form.xlsx"
expect_grep "$T/err" "cannot load libxml2 \('/etc/passwd' from NCIO_LIBXML2\)"

# Schemas: a data directory's own broken schema of an unrelated kind.
D2=$T/data2
sample_copy "$D2"
mkdir -p "$D2/schemas"
printf 'x-kind: extra\nx-dir: extras\nx-id-prefix: ex\ntype: [object\n' \
    >"$D2/schemas/extra.yaml"
expect_status 0 "$NCIO" -C "$D2" list review
expect_grep "$T/out" '^rv-'
expect_status 1 "$NCIO" -C "$D2" lint
expect_grep "$T/out" 'extra\.yaml'
finish
