"""Reading a Word table cell's text for the checkers (check_audit.py,
check_checklist.py, check_meeting.py, check_report.py)."""

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def cell_text(cell):
    """A table cell's text, a line a paragraph; the line breaks the writer
    puts in (<w:br/>: a name, a list or a sentence broken where it reads
    well) are layout, not text."""
    return "\n".join("".join(t.text or "" for t in p._p.iter(W_T))
                     for p in cell.paragraphs)
