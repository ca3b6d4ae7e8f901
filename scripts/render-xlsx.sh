#!/usr/bin/env bash
# Render a workbook to pictures so that anyone can look at it without Excel:
# LibreOffice (headless) prints every sheet to one PDF with the workbook's own print setup
# (A4 landscape, fit to width, repeated header rows, page numbers), then pdftoppm turns each
# PDF page into a PNG.
#
#   scripts/render-xlsx.sh FILE.xlsx [OUT_DIR] [DPI]
#
# OUT_DIR defaults to ./<name>-pages; DPI to 110. Prints the PDF and the PNG files written.
# Exit 0 on success, 1 when LibreOffice cannot open or convert the file, 2 on bad usage or
# missing tools.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") FILE.xlsx [OUT_DIR] [DPI]" >&2
  exit 2
}

[ $# -ge 1 ] && [ $# -le 3 ] || usage
in=$1
[ -f "$in" ] || { echo "render-xlsx: no such file: $in" >&2; exit 2; }
name=$(basename "${in%.*}")
out=${2:-"./${name}-pages"}
dpi=${3:-110}
case $dpi in (*[!0-9]*|'') echo "render-xlsx: DPI must be a whole number, got '$dpi'" >&2; exit 2 ;; esac

soffice=$(command -v soffice || command -v libreoffice || true)
missing=()
[ -n "$soffice" ] || missing+=("soffice (LibreOffice Calc)")
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm (poppler)")
if [ ${#missing[@]} -gt 0 ]; then
  {
    list=$(printf '%s, ' "${missing[@]}")
    echo "render-xlsx: missing: ${list%, }"
    echo "  Debian/Ubuntu: sudo apt-get install -y libreoffice-calc-nogui poppler-utils"
    echo "  Fedora:        sudo dnf install -y libreoffice-calc poppler-utils"
    echo "  macOS:         brew install --cask libreoffice && brew install poppler"
  } >&2
  exit 2
fi

mkdir -p "$out"
# A private LibreOffice profile: no clash with a running LibreOffice, no first-start dialogs.
profile=$(mktemp -d "${TMPDIR:-/tmp}/render-xlsx-profile.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/render-xlsx.XXXXXX")
trap 'rm -rf "$profile" "$work"' EXIT

# calc_pdf_Export prints what the sheets' print setup says; a repair prompt or a load
# failure makes soffice print an error and produce no PDF.
if ! "$soffice" -env:UserInstallation="file://$profile" --headless --norestore --nologo \
  --convert-to pdf:calc_pdf_Export --outdir "$work" "$in" >"$work/soffice.log" 2>&1; then
  echo "render-xlsx: LibreOffice failed on $in:" >&2
  cat "$work/soffice.log" >&2
  exit 1
fi
pdf="$work/$name.pdf"
if [ ! -s "$pdf" ]; then
  echo "render-xlsx: LibreOffice produced no PDF for $in:" >&2
  cat "$work/soffice.log" >&2
  exit 1
fi

cp "$pdf" "$out/$name.pdf"
rm -f "$out/$name"-page-*.png
pdftoppm -r "$dpi" -png "$pdf" "$out/$name-page"
echo "$out/$name.pdf"
ls -1 "$out/$name"-page-*.png
