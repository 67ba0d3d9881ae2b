#!/usr/bin/env python3
"""Makes the CJK font the PDF export embeds: Noto Sans CJK SC Regular (SIL Open Font License 1.1)
cut down to GB 2312 (all 6 763 hanzi and its symbols), ASCII, Latin-1, general punctuation and
every character of the app's own words and sample data, so the file stays ≈ 2 MB and is bundled
with the app (it works offline). pdf-lib then embeds only the glyphs a drawing uses.

Needs fontTools (pip install fonttools) and Debian's fonts-noto-cjk. Run from the repository root:
    python3 scripts/gen-cjk-font.py
"""
import glob
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = 'src/io/export/fonts/NotoSansSC-GB2312.ttf'

chars = set(chr(c) for c in range(0x20, 0x7F))
chars |= set(chr(c) for c in range(0xA0, 0x100))
chars |= set(chr(c) for c in range(0x2000, 0x2070))  # general punctuation, super/subscripts
chars |= set('²³°±×÷←↑→↓≤≥≈∑√‰℃№')
# every character GB 2312 encodes (rows 0xA1–0xF7, cells 0xA1–0xFE)
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            chars |= set(bytes([row, cell]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
# the app's words and the sample projects' names, in case they reach beyond GB 2312
for path in glob.glob('src/**/*.ts*', recursive=True) + glob.glob('data/**/*.*json', recursive=True):
    with open(path, encoding='utf-8', errors='ignore') as f:
        chars |= {c for c in f.read() if ord(c) > 0x2E7F}



def to_truetype(font):
    """CFF outlines to quadratic glyf ones: fontkit (inside pdf-lib) subsets TrueType fonts well,
    while its CFF subsets come out invalid (poppler: "Embedded font file may be invalid")."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        # 1 font unit of tolerance in 1000 per em, both contour directions kept as drawn
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    font['loca'] = newTable('loca')
    glyf = font['glyf'] = newTable('glyf')
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    # even glyph lengths: fontkit's subsets switch to short loca offsets (halved) when they are small
    glyf.padding = 2
    for name in glyf.glyphOrder:
        glyf[name].recalcBounds(glyf)
    font['head'].indexToLocFormat = 1
    font['head'].glyphDataFormat = 0
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for k in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
              'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements', 'maxComponentDepth'):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    font['post'].formatType = 3.0  # no glyph names: smaller, and fontkit needs none
    font.sfntVersion = '\x00\x01\x00\x00'


collection = TTCollection(SOURCE)
font = next(f for f in collection.fonts if f['name'].getDebugName(4) == 'Noto Sans CJK SC')
opts = subset.Options()
opts.layout_features = []  # pdf-lib lays out glyph by glyph: no GSUB/GPOS needed
opts.name_IDs = ['*']  # keep the copyright and licence records
opts.notdef_outline = True
opts.hinting = False
opts.desubroutinize = False
sub = subset.Subsetter(options=opts)
cmap = font.getBestCmap()
sub.populate(unicodes=[ord(c) for c in chars if ord(c) in cmap])
sub.subset(font)
to_truetype(font)
font.save(OUT)
print(OUT, len([c for c in chars if ord(c) in cmap]), 'characters')
