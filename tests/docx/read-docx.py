"""Read a .docx with python-docx (an independent reader) and print what the tests check, as JSON.

    /usr/bin/python3 tests/docx/read-docx.py FILE.docx

text:     every paragraph in document order, table cells included (cells left to right)
tables:   each table as rows of cell texts, with the rows marked as repeated header rows
sections: page size, orientation, margins (mm), first-page header flag, page-number restart,
          the text and whether a PAGE field is in each header
runs:     (font, size pt, bold, italic, text) of every run, body and tables
paras:    per body paragraph: text, first-line indent (cm), space after (pt)
"""
import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table
from docx.text.paragraph import Paragraph

W = qn


def mm(v):
    return None if v is None else round(Emu(v).mm, 2)


def has_page_field(part_el):
    for instr in part_el.iter(W("w:instrText")):
        if "PAGE" in (instr.text or ""):
            return True
    for fld in part_el.iter(W("w:fldSimple")):
        if "PAGE" in (fld.get(W("w:instr")) or ""):
            return True
    return False


def header_info(h):
    if h is None or h.is_linked_to_previous:
        return {"linked": True, "text": "", "page": False}
    el = h._element
    return {"linked": False, "text": "\n".join(p.text for p in h.paragraphs), "page": has_page_field(el)}


def effective(r, p, attr, normal):
    """A run's font name or size as Word resolves it: the run, its paragraph's style and that
    style's bases, then the document's defaults (Normal)."""
    v = getattr(r.font, attr)
    style = p.style
    while v is None and style is not None:
        v = getattr(style.font, attr)
        style = style.base_style
    return v if v is not None else getattr(normal.font, attr)


def space_after(p):
    """The space after a paragraph as Word resolves it: the paragraph, then its style's chain."""
    v = p.paragraph_format.space_after
    style = p.style
    while v is None and style is not None:
        v = style.paragraph_format.space_after
        style = style.base_style
    return None if v is None else v.pt


def run_info(r, p, normal):
    size = effective(r, p, "size", normal)
    return {
        "font": effective(r, p, "name", normal),
        "size": None if size is None else size.pt,
        "bold": bool(r.bold),
        "italic": bool(r.italic),
        "text": r.text,
    }


def main(path):
    doc = Document(path)
    normal = doc.styles["Normal"]
    out = {
        "text": [],
        "tables": [],
        "sections": [],
        "runs": [],
        "paras": [],
        "default_font": normal.font.name,
        "default_size": None if normal.font.size is None else normal.font.size.pt,
    }
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == W("w:p"):
            p = Paragraph(child, doc)
            out["text"].append(p.text)
            pf = p.paragraph_format
            out["paras"].append(
                {
                    "text": p.text,
                    "first_line_cm": None if pf.first_line_indent is None else round(Emu(pf.first_line_indent).cm, 3),
                    "after_pt": space_after(p),
                    "align": None if pf.alignment is None else int(pf.alignment),
                }
            )
            out["runs"].extend(run_info(r, p, normal) for r in p.runs)
        elif child.tag == W("w:tbl"):
            t = Table(child, doc)
            rows = []
            for tr in child.iterchildren(W("w:tr")):
                trpr = tr.find(W("w:trPr"))
                header = trpr is not None and trpr.find(W("w:tblHeader")) is not None
                cells = []
                for tc in tr.iterchildren(W("w:tc")):
                    vm = tc.find(W("w:tcPr") + "/" + W("w:vMerge"))
                    if vm is not None and vm.get(W("w:val")) in (None, "continue"):
                        continue  # the cell a span from above covers
                    ps = [Paragraph(pe, t) for pe in tc.iterchildren(W("w:p"))]
                    text = "\n".join(p.text for p in ps)
                    cells.append(text)
                    out["text"].extend(p.text for p in ps)
                    for p in ps:
                        out["runs"].extend(run_info(r, p, normal) for r in p.runs)
                rows.append({"header": header, "cells": cells})
            out["tables"].append(rows)
    for s in doc.sections:
        pg = s._sectPr.find(W("w:pgNumType"))
        out["sections"].append(
            {
                "width_mm": mm(s.page_width),
                "height_mm": mm(s.page_height),
                "orientation": "landscape" if int(s.orientation) == 1 else "portrait",
                "top_mm": mm(s.top_margin),
                "bottom_mm": mm(s.bottom_margin),
                "left_mm": mm(s.left_margin),
                "right_mm": mm(s.right_margin),
                "title_page": bool(s.different_first_page_header_footer),
                "page_start": None if pg is None or pg.get(W("w:start")) is None else int(pg.get(W("w:start"))),
                "header": header_info(s.header),
                "first_header": header_info(s.first_page_header),
            }
        )
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
