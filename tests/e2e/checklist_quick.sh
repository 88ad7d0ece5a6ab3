#!/bin/bash
# The aggregates read a self-check record's responses with a quick reader
# (issue 15) when they have the writer's shape, and load the record whole
# otherwise: every other way of writing the same record gives the same
# statistics, and a broken record is still reported.
. "$(dirname "$0")/lib/common.bash"

need_python yaml
D=$T/data
sample_copy "$D"
fy=2026
files=$(grep -l '^kind: self' "$D"/checklists/$fy/*.yaml)
[ -n "$files" ] || { fail "no self-check records in the sample"; finish; }
agg() {
	expect_status 0 "$NCIO" -C "$D" checklist aggregate --kind "$1" \
	    --fy $fy --format json
	cp "$T/out" "$T/$2"
}
agg self self.want
agg department dept.want
grep -q '"rate"' "$T/self.want" || fail "no rate in the self aggregate"

# Each variant rewrites every self-check record the same other way.
variant() {
	for f in $files; do
		case $1 in
		flow)	# answers as flow mappings
			$PY - "$f" <<'PYEOF'
import sys, yaml
p = sys.argv[1]
d = yaml.load(open(p, encoding='utf-8'), Loader=yaml.CSafeLoader)
out = []
for k, v in d.items():
    if k == 'responses':
        out.append('responses:\n')
        for r in v:
            out.append('  - {respondent: %s, answers: %s}\n' % (r['respondent'],
                '[' + ', '.join('{ref: %s, value: "%s"}' % (a['ref'], a['value']) for a in r['answers']) + ']'))
    else:
        out.append(yaml.safe_dump({k: v}, allow_unicode=True, default_flow_style=False, sort_keys=False))
open(p, 'w', encoding='utf-8').write(''.join(out))
PYEOF
			;;
		comment) sed -i 's/^    answers:$/    answers: # 回答/' "$f" ;;
		blank)	sed -i '0,/^  - respondent:/s//\n  - respondent:/' "$f" ;;
		blanklater) awk '/^  - respondent:/ && n++ == 1 { print "" } { print }' \
			    "$f" >"$f.tmp" && mv "$f.tmp" "$f" ;;
		crlf)	sed -i 's/$/\r/' "$f" ;;
		first)	# the responses before everything else
			$PY - "$f" <<'PYEOF'
import sys
p = sys.argv[1]
lines = open(p, encoding='utf-8').read().split('\n')
i = lines.index('responses:')
j = i + 1
while j < len(lines) and lines[j].startswith(' '):
    j += 1
open(p, 'w', encoding='utf-8').write('\n'.join(lines[i:j] + lines[:i] + lines[j:]))
PYEOF
			;;
		esac
	done
}
for v in flow comment blank blanklater crlf first; do
	rm -rf "$D/checklists/$fy"
	cp -r "$NCIO_SAMPLE_DIR/checklists/$fy" "$D/checklists/$fy"
	files=$(grep -l '^kind: self' "$D"/checklists/$fy/*.yaml)
	variant $v
	expect_status 0 "$NCIO" -C "$D" lint
	agg self self.got
	expect_same "$T/self.want" "$T/self.got"
	agg department dept.got
	expect_same "$T/dept.want" "$T/dept.got"
done

# A broken record is reported as before, by the whole load: an anchor in
# the lines before the responses, a flow sequence left open after them.
rm -rf "$D/checklists/$fy"
cp -r "$NCIO_SAMPLE_DIR/checklists/$fy" "$D/checklists/$fy"
f=$(grep -l '^kind: self' "$D"/checklists/$fy/*.yaml | head -1)
sed -i 's/^org: \(.*\)$/org: \&o \1/' "$f"
expect_status 1 "$NCIO" -C "$D" checklist aggregate --kind self --fy $fy
expect_grep "$T/err" "$(basename "$f"):[0-9]+:[0-9]+: anchors"
rm -rf "$D/checklists/$fy"
cp -r "$NCIO_SAMPLE_DIR/checklists/$fy" "$D/checklists/$fy"
f=$(grep -l '^kind: self' "$D"/checklists/$fy/*.yaml | head -1)
sed -i 's/^source:$/source: [unclosed/' "$f"
grep -q 'unclosed' "$f" || sed -i '$a source: [unclosed' "$f"
expect_status 1 "$NCIO" -C "$D" checklist aggregate --kind self --fy $fy
expect_grep "$T/err" "$(basename "$f")"
# A quoted scalar open at the end of the lines before the responses and
# closed after them: the lines before and after, put together, make a
# valid document, but in the file the block is inside the scalar (and
# its quoted values end it), so the whole load reports the file.
rm -rf "$D/checklists/$fy"
cp -r "$NCIO_SAMPLE_DIR/checklists/$fy" "$D/checklists/$fy"
f=$(grep -l '^kind: self' "$D"/checklists/$fy/*.yaml | head -1)
sed -i 's/^staff_total: \(.*\)$/staff_total: "\1/; s/^source:$/source: x"\nsource2:/' "$f"
grep -q '^source: x"$' "$f" || fail "the record was not rewritten"
expect_status 1 "$NCIO" -C "$D" checklist aggregate --kind self --fy $fy
expect_grep "$T/err" "$(basename "$f"):[0-9]+:[0-9]+: invalid YAML"
finish
