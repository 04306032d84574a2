import * as assert from 'node:assert/strict';
import { decodeNoteBytes, type DecodeResult } from '../../src/core/notes/decodeText';
import { readRealworldBytes } from './realworldFixture';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | Uint8Array>): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

function decodedText(result: DecodeResult): string {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.text;
}

describe('decodeNoteBytes', () => {
  it('UTF-8 without BOM', () => {
    const result = decodeNoteBytes(utf8('# 标题\n\n正文 🐍\n'));
    assert.deepEqual(result, { ok: true, text: '# 标题\n\n正文 🐍\n', encoding: 'utf-8' });
  });

  it('UTF-8 with BOM: the BOM is not part of the text', () => {
    assert.deepEqual(decodeNoteBytes(bytes([0xef, 0xbb, 0xbf], utf8('---\ntitle: x\n---\n'))), { ok: true, text: '---\ntitle: x\n---\n', encoding: 'utf-8-bom' });
  });

  it('an empty file is empty UTF-8 text', () => {
    assert.deepEqual(decodeNoteBytes(new Uint8Array()), { ok: true, text: '', encoding: 'utf-8' });
  });

  it('UTF-16 LE and BE with BOM (files written by Notepad)', () => {
    const le = decodeNoteBytes(readRealworldBytes('utf16le-bom.md'));
    const be = decodeNoteBytes(readRealworldBytes('utf16be-bom.md'));
    assert.equal(le.ok && le.encoding, 'utf-16le');
    assert.equal(be.ok && be.encoding, 'utf-16be');
    assert.ok(decodedText(le).startsWith('# Windows 记事本保存的笔记\n'));
    assert.equal(decodedText(le), decodedText(be));
  });

  it('UTF-16 LE without BOM, recognised by its NUL pattern', () => {
    const result = decodeNoteBytes(Buffer.from('## Q1: what is PEP 8?\n\nThe style guide.\n', 'utf16le'));
    assert.deepEqual(result, { ok: true, text: '## Q1: what is PEP 8?\n\nThe style guide.\n', encoding: 'utf-16le' });
  });

  it('GBK bytes that are not UTF-8 decode as GB18030', () => {
    const result = decodeNoteBytes(readRealworldBytes('gbk-encoded.md'));
    assert.equal(result.ok && result.encoding, 'gb18030');
    assert.ok(decodedText(result).startsWith('# 字符编码笔记\n\n## 1. Python 3 的字符串是什么类型？'));
  });

  it('GB18030 four-byte sequences (emoji) and the euro sign', () => {
    assert.equal(decodedText(decodeNoteBytes(bytes([0xd6, 0xd0, 0xce, 0xc4, 0x20], [148, 57, 252, 54], [0x20, 0xa2, 0xe3]))), '中文 😀 €');
  });

  it('NUL bytes in non-UTF-16 data mean binary', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = decodeNoteBytes(png);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'binary');
    assert.match(!result.ok ? result.message : '', /binary/);
  });

  it('many control characters mean binary, even without NUL', () => {
    const junk = bytes(Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    const result = decodeNoteBytes(junk);
    assert.equal(!result.ok && result.reason, 'binary');
  });

  it('terminal colours (ESC) in pasted output are still text', () => {
    assert.equal(decodedText(decodeNoteBytes(utf8('\u001b[31mError\u001b[0m: boom\n'))), '\u001b[31mError\u001b[0m: boom\n');
  });

  it('Latin-1 text is neither UTF-8 nor GB18030', () => {
    const result = decodeNoteBytes(bytes(utf8('caf'), [0xe9, 0x20], utf8('au lait\n')));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'undecodable');
    assert.match(!result.ok ? result.message : '', /UTF-8/);
  });

  it('a UTF-8 BOM followed by invalid UTF-8 is undecodable', () => {
    assert.equal(decodeNoteBytes(bytes([0xef, 0xbb, 0xbf, 0xff, 0x41])).ok, false);
  });

  it('UTF-32 is reported rather than misread as UTF-16', () => {
    const result = decodeNoteBytes(bytes([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]));
    assert.equal(!result.ok && result.reason, 'undecodable');
  });
});
