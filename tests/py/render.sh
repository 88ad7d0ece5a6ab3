#!/bin/sh
# Render .docx, .xlsx and .pptx files the way a reviewer looks at them:
# PDF by LibreOffice, then one PNG per page or slide (pdftoppm -r 70),
# OUTDIR/NAME-N.png for FILE NAME.ext, into OUTDIR (keep it outside the
# repository, e.g. /tmp/docx-png).
#
# usage: render.sh OUTDIR FILE...
#
# 游明朝, 游ゴシック and Century are Windows fonts; a private fontconfig
# file in a throw-away HOME maps them to the Noto CJK serif and sans and a
# serif Latin face, so the pages show mincho body text as Word would
# instead of LibreOffice's sans fallback.  The files are not changed.
set -eu
[ $# -ge 2 ] || { echo "usage: render.sh OUTDIR FILE..." >&2; exit 2; }
out=$1
shift
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config/fontconfig"
cat >"$home/.config/fontconfig/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>游明朝</family>
    <prefer><family>Noto Serif CJK JP</family></prefer></alias>
  <alias binding="same"><family>Yu Mincho</family>
    <prefer><family>Noto Serif CJK JP</family></prefer></alias>
  <alias binding="same"><family>游ゴシック</family>
    <prefer><family>Noto Sans CJK JP</family></prefer></alias>
  <alias binding="same"><family>Yu Gothic</family>
    <prefer><family>Noto Sans CJK JP</family></prefer></alias>
  <alias binding="same"><family>Century</family>
    <prefer><family>DejaVu Serif</family><family>Noto Serif CJK JP</family></prefer></alias>
</fontconfig>
CONF
HOME=$home soffice --headless --convert-to pdf --outdir "$out" "$@" >/dev/null
for f in "$@"; do
	# LibreOffice names the PDF after the file less its extension
	base=$(basename "$f")
	base=${base%.*}
	rm -f "$out/$base"-*.png
	pdftoppm -png -r 70 "$out/$base.pdf" "$out/$base"
	ls "$out/$base"*.png
done
