// Raw HTML in trusted notes, written as an attacker would, through the real
// render path (renderAnswer with HTML allowed). The sanitiser's output is
// well-formed (attribute values quoted, `<` `>` `"` escaped), so a small
// scanner reads back every element and attribute the webview would get.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderAnswer, type RenderOptions } from '../../src/core/render/renderAnswer';
import { PAGE_CLASSES, isPageId } from '../../src/core/render/pageParts';

const trusted: RenderOptions = {
  labels: { openScratch: 'Open as Scratch File', copy: 'Copy', output: 'Output' },
  allowHtml: true,
  allowRemoteImages: false,
  resolveImage: (src) => `https://webview.local/${src}`,
};

interface Element {
  tag: string;
  attrs: Record<string, string>;
}

function elements(html: string): Element[] {
  const out: Element[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s="/]+)(?:="([^"]*)")?/g)) attrs[a[1]] = (a[2] ?? '').replace(/&amp;/g, '&');
    out.push({ tag: m[1].toLowerCase(), attrs });
  }
  return out;
}

const render = (html: string, options: Partial<RenderOptions> = {}) => renderAnswer(html, { ...trusted, ...options });
const urlOf = (value: string) => value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();

describe('note HTML sanitiser (trusted notes)', () => {
  const remoteImages = [
    '<img src="https://example.invalid/track.png" alt="remote">',
    '<IMG SRC="HTTPS://example.invalid/upper.png">',
    '<img src="//example.invalid/protocol-relative.png">',
    '<img src="  https://example.invalid/spaced.png">',
    '<img src="ht\ntps://example.invalid/newline.png">',
    '<img src="http://example.invalid/plain.png" srcset="https://example.invalid/2x.png 2x">',
    '<picture><source srcset="https://example.invalid/source.png"><img src="https://example.invalid/fallback.png" alt="pic"></picture>',
  ];

  it('replaces raw remote images (any spelling, srcset, <picture>) with the placeholder Markdown images get', () => {
    for (const raw of remoteImages) {
      const html = render(`${raw}\n`);
      const all = elements(html);
      assert.equal(all.filter((e) => e.tag === 'img').length, 0, `${raw} → ${html}`);
      assert.equal(all.filter((e) => e.attrs.class === 'image-blocked').length, 1, `${raw} → ${html}`);
      assert.ok(!all.some((e) => 'srcset' in e.attrs || e.tag === 'source' || e.tag === 'picture'), html);
    }
    const placeholder = (html: string) => /<span class="image-blocked"[^<>]*>[^<>]*<\/span>/.exec(html)?.[0];
    const raw = placeholder(render('<img src="https://example.invalid/track.png" alt="remote">\n'));
    assert.equal(raw, '<span class="image-blocked" title="https://example.invalid/track.png">[remote]</span>');
    assert.equal(
      raw,
      placeholder(render('![remote](https://example.invalid/track.png)\n')),
      'raw and Markdown images are blocked alike',
    );
  });

  it('loads raw remote images when remote images are allowed, still without srcset', () => {
    const html = render(remoteImages.join('\n') + '\n', { allowRemoteImages: true });
    const srcs = elements(html)
      .filter((e) => e.tag === 'img')
      .map((e) => e.attrs.src);
    assert.equal(srcs.length, remoteImages.length, html);
    for (const src of srcs) assert.match(src, /^https?:\/\/example\.invalid\//i);
    assert.ok(!/srcset/i.test(html), html);
  });

  it('never loads data:, file:, vscode-resource: or javascript: images; relative ones go through the resolver', () => {
    for (const allowRemoteImages of [false, true]) {
      const html = render(
        '<img src="data:image/png;base64,iVBORw0KGgo="> <img src="data:image/svg+xml,<svg onload=alert(1)>"> <img src="file:///etc/passwd"> ' +
          '<img src="vscode-resource:/etc/passwd"> <img src="vscode-webview-resource://x/etc/passwd"> <img src="JaVaScRiPt:alert(1)"> <img src="pics/a.png" alt="local">\n',
        { allowRemoteImages },
      );
      const imgs = elements(html).filter((e) => e.tag === 'img');
      assert.deepEqual(
        imgs.map((e) => e.attrs.src),
        ['https://webview.local/pics/a.png'],
        html,
      );
      assert.equal(elements(html).filter((e) => e.attrs.class === 'image-blocked').length, 6, html);
    }
  });

  it('drops style unless it is table alignment, so no CSS url() can load anything', () => {
    const html = render(
      '<div style="background:url(https://example.invalid/a.png)">d</div>\n\n<table><tr><td style="background-image: url(//example.invalid/b.png); text-align: center">c</td>' +
        '<th style="text-align:right;background:URL(https://example.invalid/c.png)">h</th></tr></table>\n',
    );
    assert.ok(!/url\(/i.test(html), html);
    assert.ok(!/example\.invalid/.test(html), html);
    assert.match(html, /<td style="text-align:center">c<\/td>/);
  });

  it('strips every data-* attribute from note HTML; our own example buttons keep theirs', () => {
    const md =
      '<button data-action="openExample" data-example="0">fake open</button> <a href="#" data-href="../../../etc/passwd">fake link</a> ' +
      '<span data-question="x" data-section="y" data-command="workbench.action.quit" data-rating="easy" DATA-ACTION="copyExample" data-anchor="a" data-lang="python">w</span> ' +
      '<div data-deadbeefdeadbeef-action="openExample" data-point="1" data-template="{0}">forged mark</div>\n\n' +
      '```python\nprint("hi")\n```\n';
    const all = elements(render(md));
    const withData = all.filter((e) => Object.keys(e.attrs).some((a) => a.startsWith('data-')));
    // Only what the renderer made: the example's block and its two buttons.
    assert.deepEqual(
      withData.map((e) => [e.tag, e.attrs.class, e.attrs['data-action'], e.attrs['data-example']]),
      [
        ['div', 'code-block example', undefined, '0'],
        ['button', 'action-open', 'openExample', '0'],
        ['button', 'action-copy', 'copyExample', '0'],
      ],
    );
    assert.ok(
      all.some((e) => e.tag === 'button' && Object.keys(e.attrs).length === 0),
      'the fake button stays, inert',
    );
  });

  const hostileHrefs = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'java\nscript:alert(1)',
    'java&#9;script:alert(1)',
    '&#32; javascript:alert(1)',
    'vbscript:msgbox(1)',
    'vscode-resource:/etc/passwd',
    'VSCODE-WEBVIEW-RESOURCE://x/etc/passwd',
    'vscode:extension/evil.extension',
    'command:workbench.action.terminal.new',
    'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    '//evil.example/',
  ];

  it('keeps only http(s):, mailto: and # on note links; every other scheme is removed, however it is spelled', () => {
    const html = render(hostileHrefs.map((h, i) => `<a href="${h.replace(/"/g, '&quot;')}">l${i}</a>`).join(' ') + '\n');
    const links = elements(html).filter((e) => e.tag === 'a');
    assert.equal(links.length, hostileHrefs.length, html);
    for (const link of links) assert.equal(link.attrs.href, undefined, `${JSON.stringify(link)} in ${html}`);
    for (const e of elements(html)) {
      for (const value of Object.values(e.attrs))
        assert.doesNotMatch(urlOf(value), /^(javascript|vbscript|vscode|command|file|data|\/\/)/, html);
    }
  });

  it('routes relative note links and q: links the way Markdown links go; http(s) and mailto stay', () => {
    const html = render(
      '<a href="other.md#part">rel</a> <a href="q:iterator#send">q</a> <a href="https://docs.python.org/3/">doc</a> <a href="mailto:a@b.example">mail</a> <a href="#top">top</a>\n',
    );
    const links = elements(html).filter((e) => e.tag === 'a');
    assert.deepEqual(
      links.map((e) => e.attrs),
      [
        { href: '#', 'data-href': 'other.md#part', class: 'file-link' },
        { href: '#', 'data-question': 'iterator', 'data-section': 'send', class: 'question-link' },
        { href: 'https://docs.python.org/3/' },
        { href: 'mailto:a@b.example' },
        { href: '#top' },
      ],
    );
    const md = render('[rel](other.md#part) [q](q:iterator#send)\n');
    assert.deepEqual(
      elements(md)
        .filter((e) => e.tag === 'a')
        .map((e) => e.attrs),
      links.slice(0, 2).map((e) => e.attrs),
    );
  });

  it('removes <svg> xlink links, <base>, <meta refresh>, forms, frames, objects, scripts and event handlers', () => {
    const html = render(
      [
        '<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a><image href="https://example.invalid/s.png"/></svg>',
        '<math><a xlink:href="javascript:alert(2)">m</a></math>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<form action="https://evil.example/"><input name="q" value="x"><button formaction="https://evil.example/" type="submit">go</button></form>',
        '<iframe src="https://evil.example/" srcdoc="<script>alert(3)</script>"></iframe>',
        '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y"><applet code="x"></applet>',
        '<script>alert(4)</script><style>body{background:url(https://evil.example/z)}</style>',
        '<div onclick="alert(5)" onmouseover="alert(6)" tabindex="0">d</div><img src="p.png" onerror="alert(7)" onload="alert(8)">',
        '<details open ontoggle="alert(9)"><summary>s</summary>t</details><a href="https://ok.example/" target="_blank" ping="https://evil.example/">ok</a>',
      ].join('\n\n') + '\n',
    );
    const tags = new Set(elements(html).map((e) => e.tag));
    for (const bad of [
      'svg',
      'math',
      'image',
      'base',
      'meta',
      'link',
      'form',
      'input',
      'iframe',
      'object',
      'embed',
      'applet',
      'script',
      'style',
    ]) {
      assert.ok(!tags.has(bad), `<${bad}> in ${html}`);
    }
    const names = new Set(elements(html).flatMap((e) => Object.keys(e.attrs)));
    for (const name of names)
      assert.doesNotMatch(name, /^on|^(xlink:href|action|formaction|http-equiv|content|srcdoc|target|ping|tabindex)$/, html);
    assert.ok(!/evil\.example|alert\(/.test(html), html);
  });

  it('drops the classes and ids of the page parts, so a note cannot stand in for the pager, asides or timer', () => {
    const html = render(
      '<div id="answer-asides" class="answer-asides keep">x</div>\n<span class="timer-text pager">0:00</span>\n' +
        '<p id="interview-point-0" class="coverage">y</p>\n<p id="mine" class="mine">z</p>\n',
    );
    const all = elements(html);
    assert.deepEqual(
      all.filter((e) => e.tag !== 'p' || e.attrs.class || e.attrs.id).map((e) => [e.tag, e.attrs.class, e.attrs.id]),
      [
        ['div', 'keep', undefined],
        ['span', undefined, undefined],
        ['p', 'mine', 'mine'],
      ],
      html,
    );
  });

  it('every class and id the page scripts look up is a page part', () => {
    // The scripts find their page's parts by these; a note using one would be found instead.
    const dir = join(__dirname, '../../../src/webview');
    const looked = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/(?:querySelector(?:All)?|getElementById)(?:<[^>]*>)?\(\s*['"`]([^'"`]*)['"`]/g)) {
        if (m[0].includes('getElementById')) looked.add(`#${m[1]}`);
        else for (const sel of m[1].matchAll(/([.#])([A-Za-z][\w-]*)/g)) looked.add(sel[1] + sel[2]);
      }
    }
    assert.ok(looked.size > 5, [...looked].join(' '));
    for (const name of looked) {
      const ok = name.startsWith('#') ? isPageId(name.slice(1)) : PAGE_CLASSES.has(name.slice(1));
      assert.ok(ok, `${name} is looked up by a page script but a note may use it`);
    }
  });

  it('shows the same hostile HTML as text when the notes are not trusted', () => {
    const html = render(
      '<img src="https://example.invalid/x.png"> <a href="javascript:alert(1)" data-action="openExample">x</a>\n',
      { allowHtml: false },
    );
    assert.deepEqual(
      elements(html).map((e) => e.tag),
      ['p'],
    );
  });
});
