import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodingFromLanguageDriver } from '../../src/io/shapefile/dbf.ts';
import { decodeText, decoderFor, detectEncoding, encodingFromCpg } from '../../src/io/text-encoding.ts';

const bytes = (text: string, enc: string): Uint8Array => new Uint8Array(iconv.encode(text, enc));

describe('.cpg code page names', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['GBK', 'gbk'],
    ['ANSI 936', 'gbk'],
    ['CP936', 'gbk'],
    ['GB2312', 'gbk'],
    ['GB18030', 'gb18030'],
    ['54936', 'gb18030'],
    ['BIG5', 'big5'],
    ['CP950', 'big5'],
    ['950', 'big5'],
    ['1252', 'windows-1252'],
    ['CP1252', 'windows-1252'],
    ['ANSI 1251', 'windows-1251'],
    ['ISO-8859-1', 'iso-8859-1'],
    ['88591', 'iso-8859-1'],
    ['ISO 8859-2', 'iso-8859-2'],
    ['28592', 'iso-8859-2'],
    ['LATIN1', 'latin1'],
    ['UTF-16', 'utf-16le'],
    ['CP437', 'cp437'],
    ['OEM 850', 'cp850'],
    ['shift_jis', 'shift_jis'],
  ])('%s → %s', (cpg, enc) => {
    expect(encodingFromCpg(cpg)).toBe(enc);
  });
  it.each(['ANSI', 'OEM', '', 'KLINGON-1', '12345'])('"%s" is not understood', (cpg) => {
    expect(encodingFromCpg(cpg)).toBeUndefined();
  });
});

describe('decoding every named code page', () => {
  it.each([
    ['windows-1252', 'Œuvre 5 € Café'],
    ['iso-8859-1', 'Café Münster Ørsted'],
    ['iso-8859-2', 'Łódź Žilina'],
    ['windows-1251', 'Москва'],
    ['gbk', '罗山县产业集聚区'],
    ['gb18030', '罗山县 𠀀'],
    ['big5', '臺北市信義區'],
    ['utf-16le', '臺北 Café'],
    ['cp437', 'Café Ärger ½'],
    ['cp850', 'Ørsted Ñandú'],
    ['shift_jis', '東京都'],
  ])('%s', (enc, text) => {
    expect(decoderFor(enc).decode(bytes(text, enc === 'iso-8859-1' ? 'latin1' : enc))).toBe(text);
  });
  it('cp437 by hand: 0x82 is é, 0x81 ü (IBM PC character set)', () => {
    expect(decoderFor('cp437').decode(Uint8Array.of(0x43, 0x61, 0x66, 0x82, 0x20, 0x81))).toBe('Café ü');
  });
});

describe('language driver byte (DBF offset 29)', () => {
  it.each([
    [0x4d, 'gbk'],
    [0x7a, 'gbk'],
    [0x78, 'big5'],
    [0x4f, 'big5'],
    [0x03, 'windows-1252'],
    [0x57, undefined],
    [0x00, undefined],
    [0x01, 'cp437'],
    [0xc9, 'windows-1251'],
  ])('0x%s', (ldid, enc) => {
    expect(encodingFromLanguageDriver(ldid)).toBe(enc);
  });
});

describe('detection where nothing says', () => {
  it.each([
    ['罗山县产业集聚区 建成区 发展区', 'gbk'],
    ['臺北市 信義區 臺灣大學 中正紀念堂', 'big5'],
    ['Café Münster, Straße à côté', 'windows-1252'],
  ])('%s → %s', (text, enc) => {
    expect(detectEncoding(bytes(text, enc))).toBe(enc);
  });
  it('UTF-8 stays UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('臺北 Café'))).toBe('utf-8');
    expect(decodeText(new TextEncoder().encode('\uFEFFa')).text).toBe('a');
  });
});
