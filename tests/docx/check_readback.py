"""The .docx read-back test's checks (see pandoc_readback.sh): the zip and its XML parts, then what
pandoc read from the file against what the draft holds.
Usage: python3 check_readback.py FILE.docx EXPECTED.json PANDOC.json PANDOC.html"""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

docx, expected_file, pandoc_json, pandoc_html = sys.argv[1:5]
failures = []


def fail(why):
    failures.append(why)


def norm(text):
    """Whitespace as pandoc gives it back: runs of spaces as one, lines trimmed."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


# The container: every CRC right, [Content_Types].xml first, every part well-formed XML.
with zipfile.ZipFile(docx) as z:
    if z.testzip() is not None:
        fail("bad CRC in " + z.testzip())
    names = z.namelist()
    if names[:1] != ["[Content_Types].xml"]:
        fail("first part is not [Content_Types].xml: %s" % names)
    for name in names:
        try:
            ET.fromstring(z.read(name))
        except ET.ParseError as e:
            fail("%s is not well-formed XML: %s" % (name, e))

# What pandoc read: heading texts, table cell texts, and every block's text.
headings, cells, blocks = [], [], []


def inline_text(inlines):
    out = ""
    for i in inlines:
        t, c = i["t"], i.get("c")
        if t == "Str":
            out += c
        elif t in ("Space", "SoftBreak"):
            out += " "
        elif t == "LineBreak":
            out += "\n"
        elif t in ("Emph", "Strong", "Underline", "SmallCaps", "Strikeout"):
            out += inline_text(c)
        elif t == "Span":
            out += inline_text(c[1])
    return out


def walk(node, in_cell):
    if isinstance(node, list):
        for n in node:
            walk(n, in_cell)
    elif isinstance(node, dict) and "t" in node:
        t, c = node["t"], node.get("c")
        if t in ("Para", "Plain"):
            text = norm(inline_text(c))
            blocks.append(text)
            if in_cell:
                cells.append(text)
        elif t == "Header":
            text = norm(inline_text(c[2]))
            headings.append(text)
            blocks.append(text)
        elif t == "Table":
            walk(c, True)
        else:
            walk(c, in_cell)


with open(pandoc_json, encoding="utf-8") as f:
    walk(json.load(f)["blocks"], False)
with open(expected_file, encoding="utf-8") as f:
    expected = json.load(f)
everything = "\n".join(blocks)
if not cells:
    fail("pandoc found no table")
for h in expected["headings"]:
    if norm(h) not in headings:
        fail("heading missing: %r (headings: %r)" % (h, headings))
for c in expected["cells"]:
    if norm(c) and not any(norm(c) in cell for cell in cells):
        fail("table cell missing: %r" % c)
for t in expected["texts"]:
    if norm(t) and norm(t) not in everything:
        fail("text missing: %r" % t)

# Markup in a document's text is text: escaped in pandoc's HTML, never an element.
with open(pandoc_html, encoding="utf-8") as f:
    html = f.read()
if "<img" in html:
    fail("an <img> element in pandoc's HTML")
if "&lt;img src=x onerror=alert(1)&gt;" not in html:
    fail("the title's markup is not in pandoc's HTML as text")

for why in failures:
    print("FAIL: " + why, file=sys.stderr)
print("checked %d headings, %d table cells, %d texts, %d parts" %
      (len(expected["headings"]), len(expected["cells"]), len(expected["texts"]), len(names)))
sys.exit(1 if failures else 0)
