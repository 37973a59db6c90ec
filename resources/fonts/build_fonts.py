"""Rebuild the bundled print fonts from Noto Serif CJK (a one-off maintainer step).

The program never runs this: it only reads the two ``.ttf`` files committed beside it. It is kept
so the fonts can be reproduced and audited. reportlab embeds only TrueType (``glyf``) outlines,
and Noto Serif CJK ships as CFF, so this script:

1. takes the Simplified Chinese face (``Noto Serif CJK SC``) out of Debian's ``fonts-noto-cjk``
   collection (version 2.001),
2. keeps the characters a Chinese office form needs: everything encodable in GBK (21,000+ Han
   characters, so rare characters in personal names and places are covered), ASCII and Latin-1,
   general punctuation, arrows, enclosed numbers, box drawing, geometric shapes, CJK symbols and
   full-width forms,
3. converts the cubic CFF outlines to quadratic TrueType outlines (``cu2qu``), drops hinting and
   the OpenType layout tables the renderer does not use,
4. maps ☐ (U+2610) to the glyph of □ (U+25A1) and ✔ (U+2714) to ✓ (U+2713), which the
   source lacks,
5. renames the family to "Secrecy Desk Serif" (SIL OFL 1.1 asks modified fonts not to pose as
   the original; "Source" is the reserved name, "Noto" is not, but a distinct name avoids any
   confusion with an installed Noto font).

Run with a Python that has fontTools (Debian: ``apt-get install python3-fonttools``)::

    python3 resources/fonts/build_fonts.py /usr/share/fonts/opentype/noto
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
FAMILY = "Secrecy Desk Serif"
WEIGHTS = {"Regular": "NotoSerifCJK-Regular.ttc", "Bold": "NotoSerifCJK-Bold.ttc"}
RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols (№, ℃)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ Ⅲ)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ① ②
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes □ ■ ○ ●
    (0x2600, 0x26FF),  # symbols ★ ☆
    (0x2700, 0x27BF),  # dingbats ✓
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
)
ALIASES = {0x2610: 0x25A1, 0x2714: 0x2713}


def wanted_codepoints() -> set[int]:
    points: set[int] = set()
    for low, high in RANGES:
        points.update(range(low, high + 1))
    for cp in range(0x80, 0x10000):
        try:
            chr(cp).encode("gbk")
        except UnicodeEncodeError:
            continue
        points.add(cp)
    return points


def sc_face(collection: Path) -> TTFont:
    ttc = TTCollection(str(collection))
    for font in ttc.fonts:
        if "CJK SC" in font["name"].getDebugName(4):
            return font
    raise SystemExit(f"no SC face in {collection}")


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table with quadratic TrueType outlines (as fontTools' otf2ttf)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def add_aliases(font: TTFont) -> None:
    for table in font["cmap"].tables:
        if table.isUnicode():
            for alias, target in ALIASES.items():
                if target in table.cmap and alias not in table.cmap:
                    table.cmap[alias] = table.cmap[target]


def rename(font: TTFont, weight: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    postscript = f"SecrecyDeskSerif-{weight}"
    for record in list(name.names):
        if record.nameID in {1, 3, 4, 6, 16, 17, 21, 22}:
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName(weight, 2, 3, 1, 0x409)
    name.setName(f"{postscript};derived from Noto Serif CJK SC 2.001", 3, 3, 1, 0x409)
    name.setName(full, 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    if weight == "Bold":
        font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0x40) | 0x20
        font["head"].macStyle |= 0x01


def build(source_dir: Path) -> None:
    points = wanted_codepoints()
    for weight, filename in WEIGHTS.items():
        font = sc_face(source_dir / filename)
        options = subset.Options()
        options.layout_features = ["vert", "vrt2"]
        options.hinting = False
        options.desubroutinize = True
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        cff_to_glyf(font)
        add_aliases(font)
        rename(font, weight)
        out = HERE / f"SecrecyDeskSerif-{weight}.ttf"
        font.save(str(out))
        print(out.name, out.stat().st_size, "bytes", len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto"))
