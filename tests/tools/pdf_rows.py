"""Measures the printed table rows of a PDF (LibreOffice's rendering of a workbook), with no
help from the code that wrote it: the horizontal rules of each page come from its pixels
(pdftoppm), the words from pdftotext -bbox. For every band between two rules that holds text,
prints the empty space under its last line, in points, and the line height seen there.

usage: /usr/bin/python3 pdf_rows.py FILE.pdf
Output: one JSON object: {"pages": N, "rows": [{"page", "top", "bottom", "gap", "line"}...]}
"""
import json, re, subprocess, sys, tempfile, os, html

DPI = 144
SCALE = 72 / DPI

def rules(pgm_path):
    with open(pgm_path, 'rb') as f:
        data = f.read()
    m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
    w, h = int(m.group(1)), int(m.group(2))
    px = data[m.end():]
    ys = []
    for y in range(h):
        row = px[y * w:(y + 1) * w]
        dark = sum(1 for b in row if b < 128)
        if dark > 0.5 * w:
            ys.append(y * SCALE)
    merged = []
    for y in ys:
        if merged and y - merged[-1] < 2:
            continue
        merged.append(y)
    return merged

def words(pdf, page):
    out = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), pdf, '-'], capture_output=True, text=True, check=True).stdout
    ws = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
        ws.append((float(m.group(2)), float(m.group(4)), html.unescape(m.group(5))))
    return ws

def main(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-r', str(DPI), '-gray', pdf, os.path.join(tmp, 'p')], check=True)
        files = sorted(f for f in os.listdir(tmp) if f.endswith('.pgm'))
        for i, fn in enumerate(files, start=1):
            ys = rules(os.path.join(tmp, fn))
            ws = words(pdf, i)
            for top, bottom in zip(ys, ys[1:]):
                inside = [w for w in ws if w[0] >= top - 1 and w[1] <= bottom + 1]
                if not inside:
                    continue
                last = max(w[1] for w in inside)
                lines = sorted({round(w[0]) for w in inside})
                line = min((b - a for a, b in zip(lines, lines[1:]) if b - a > 4), default=max(w[1] - w[0] for w in inside))
                rows.append({'page': i, 'top': round(top, 1), 'bottom': round(bottom, 1), 'gap': round(bottom - last, 1), 'line': round(line, 1), 'first': inside[0][2]})
    print(json.dumps({'pages': pages, 'rows': rows}, ensure_ascii=False))

main(sys.argv[1])
