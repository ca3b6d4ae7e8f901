#!/usr/bin/env bash
# Render documents to pictures so that anyone can look at them without Word:
# LibreOffice Writer (headless) prints each .docx to a PDF with the document's own layout
# (A4, margins, landscape appendices, page numbers), then pdftoppm turns PDF pages into PNGs.
# Several files go through one LibreOffice start, which is the slow part.
#
#   scripts/render-docx.sh [--first] FILE.docx... [--out OUT_DIR] [--dpi DPI]
#
# OUT_DIR defaults to ./docx-pages; DPI to 110; --first renders only page 1 of each file.
# Prints the PDFs and the PNG files written. Exit 0 on success, 1 when LibreOffice cannot
# open or convert a file, 2 on bad usage or missing tools.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") [--first] FILE.docx... [--out OUT_DIR] [--dpi DPI]" >&2
  exit 2
}

files=()
out=./docx-pages
dpi=110
first=0
while [ $# -gt 0 ]; do
  case $1 in
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --dpi) [ $# -ge 2 ] || usage; dpi=$2; shift 2 ;;
    --first) first=1; shift ;;
    -*) usage ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -ge 1 ] || usage
case $dpi in (*[!0-9]*|'') echo "render-docx: DPI must be a whole number, got '$dpi'" >&2; exit 2 ;; esac
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "render-docx: no such file: $f" >&2; exit 2; }
done

soffice=$(command -v soffice || command -v libreoffice || true)
missing=()
[ -n "$soffice" ] || missing+=("soffice (LibreOffice Writer)")
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm (poppler)")
if [ ${#missing[@]} -gt 0 ]; then
  {
    list=$(printf '%s, ' "${missing[@]}")
    echo "render-docx: missing: ${list%, }"
    echo "  Debian/Ubuntu: sudo apt-get install -y libreoffice-writer-nogui poppler-utils"
    echo "  Fedora:        sudo dnf install -y libreoffice-writer poppler-utils"
    echo "  macOS:         brew install --cask libreoffice && brew install poppler"
  } >&2
  exit 2
fi

mkdir -p "$out"
# A private LibreOffice profile: no clash with a running LibreOffice, no first-start dialogs.
profile=$(mktemp -d "${TMPDIR:-/tmp}/render-docx-profile.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/render-docx.XXXXXX")
trap 'rm -rf "$profile" "$work"' EXIT

if ! "$soffice" -env:UserInstallation="file://$profile" --headless --norestore --nologo \
  --convert-to pdf:writer_pdf_Export --outdir "$work" "${files[@]}" >"$work/soffice.log" 2>&1; then
  echo "render-docx: LibreOffice failed:" >&2
  cat "$work/soffice.log" >&2
  exit 1
fi

for f in "${files[@]}"; do
  name=$(basename "${f%.*}")
  pdf="$work/$name.pdf"
  if [ ! -s "$pdf" ]; then
    echo "render-docx: LibreOffice produced no PDF for $f:" >&2
    cat "$work/soffice.log" >&2
    exit 1
  fi
  cp "$pdf" "$out/$name.pdf"
  rm -f "$out/$name"-page-*.png
  if [ "$first" = 1 ]; then
    pdftoppm -r "$dpi" -png -f 1 -l 1 "$pdf" "$out/$name-page"
  else
    pdftoppm -r "$dpi" -png "$pdf" "$out/$name-page"
  fi
  echo "$out/$name.pdf"
  ls -1 "$out/$name"-page-*.png
done
