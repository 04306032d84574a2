import * as assert from 'node:assert/strict';
import { cleanHeadingTitle, extractQuestions, type ExtractedGroup, type ExtractedQuestion } from '../../src/core/notes/extractQuestions';
import { extractRealworld, outline } from './realworldFixture';

const extract = (body: string, lineOffset = 0): ExtractedGroup => extractQuestions(body, { fileTitle: 'File', lineOffset });

function allQuestions(g: ExtractedGroup): ExtractedQuestion[] {
  return [...g.questions, ...g.groups.flatMap(allQuestions)];
}

function question(g: ExtractedGroup, title: string): ExtractedQuestion {
  const found = allQuestions(g).find((q) => q.title === title);
  assert.ok(found, `no question "${title}" in\n${outline(g).join('\n')}`);
  return found;
}

describe('cleanHeadingTitle', () => {
  const cases: Array<[string, string]> = [
    ['1. 什么是GIL', '什么是GIL'],
    ['1.1 闭包', '闭包'],
    ['1.1. 闭包', '闭包'],
    ['1、闭包', '闭包'],
    ['一：基础', '基础'],
    ['十二、其它', '其它'],
    ['(3) 协程', '协程'],
    ['（3）协程', '协程'],
    ['Q1: What is a closure?', 'What is a closure?'],
    ['Q1. 闭包', '闭包'],
    ['Question 3: Why?', 'Why?'],
    ['问题 1：闭包', '闭包'],
    ['第3题：闭包', '闭包'],
    ['①闭包', '闭包'],
    ['【2】闭包', '闭包'],
    ['闭包：', '闭包'],
    ['closures:', 'closures'],
    ['**闭包**', '闭包'],
    ['`functools.wraps`', 'functools.wraps'],
    ['**1. `yield`** 的作用：', 'yield 的作用'],
    ['[GIL](https://docs.python.org/3/glossary.html)', 'GIL'],
    ['<a name="gil"></a>1. GIL', 'GIL'],
    ['__init__ 和 `__new__` 的区别', '__init__ 和 __new__ 的区别'],
    ['*args 和 **kwargs', '*args 和 **kwargs'],
    ['🐍 Python 之禅', '🐍 Python 之禅'],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(cleanHeadingTitle(raw), expected));
  }

  it('keeps numbers that are part of the title', () => {
    for (const raw of ['Queue 的用法', '3D 打印', '1.5倍速', '2023年总结', '一个问题', '第一范式', 'Python 3.10 新特性']) {
      assert.equal(cleanHeadingTitle(raw), raw);
    }
  });

  it('returns "" when only decoration is left', () => {
    assert.equal(cleanHeadingTitle('1.'), '');
    assert.equal(cleanHeadingTitle('**'), '');
    assert.equal(cleanHeadingTitle('\u200b'), '');
  });
});

describe('extractQuestions: real-world layouts', () => {
  it('single "#" title, "##" sections, "###" numbered questions (one with "####" parts)', () => {
    const g = extractRealworld('python-interview.md');
    assert.deepEqual(outline(g), [
      '# Python面试题',
      '  # 基础',
      '  - Python 中的可变类型和不可变类型有哪些？ @7',
      '  - is 和 == 的区别 @21',
      '  - 列表和元组的区别 @25',
      '  # 进阶',
      '  - 什么是 GIL？ @38',
      '  - 装饰器的原理 @42',
    ]);
    const tuple = question(g, '列表和元组的区别');
    assert.ok(tuple.markdown.startsWith('#### 相同点'), 'sub-headings stay in the answer');
    assert.ok(tuple.markdown.endsWith('- 元组可以作为字典的键'));
    assert.ok(question(g, 'Python 中的可变类型和不可变类型有哪些？').markdown.includes('# 字符串拼接会生成新对象'));
  });

  it('Chinese numbering: 一、 / 1、 / （1） / 第3题', () => {
    assert.deepEqual(outline(extractRealworld('chinese-numbering.md')), [
      '# chinese-numbering',
      '  # 基础知识',
      '  - 深拷贝和浅拷贝有什么不同？ @3',
      '  - *args 和 **kwargs 是什么 @7',
      '  # 并发编程',
      '  - 多线程适合什么场景？ @13',
      '  - 多进程和多线程怎么选 @17',
      '  # 其它',
      '  - __new__ 和 __init__ 的区别 @23',
    ]);
  });

  it('no headings: separate numbered lists interrupted by answers, with an answer holding its own list', () => {
    const g = extractRealworld('flat-numbered.md');
    assert.deepEqual(outline(g), ['# flat-numbered', '- 内存泄漏是什么 @3', '- 如何查看对象的引用计数 @10', '- 垃圾回收的分代机制 @20']);
    const leak = question(g, '内存泄漏是什么');
    assert.ok(leak.markdown.endsWith('2. 全局容器不断追加数据'), 'the answer keeps its own numbered list');
    assert.equal(leak.bodyLine, 5);
    assert.ok(question(g, '如何查看对象的引用计数').markdown.startsWith('```python'));
  });

  it('no headings: one numbered list with indented answers, dedented', () => {
    const g = extractRealworld('flat-nested.md');
    assert.deepEqual(outline(g), ['# flat-nested', '- 列表推导式和生成器表达式的区别？ @1', '- 什么是上下文管理器？ @10', '- yield from 有什么用？ @14']);
    assert.equal(
      question(g, '列表推导式和生成器表达式的区别？').markdown,
      '列表推导式立即生成整个列表，生成器表达式按需产生元素，更省内存。\n\n```python\nsquares = (x * x for x in range(10))\nprint(next(squares))\n```',
    );
  });

  it('no headings: bold numbered paragraphs, ignoring "(1)" points inside answers', () => {
    const g = extractRealworld('paragraph-numbered.md');
    assert.deepEqual(outline(g), ['# paragraph-numbered', '- 元类是什么？ @1', '- __slots__ 的作用？ @8', '- 描述符协议 @12']);
    assert.ok(question(g, '元类是什么？').markdown.includes('(2) 常见用法是注册子类'));
  });

  it('leading [TOC], a "目录" link list and anchors are neither questions nor content', () => {
    const g = extractRealworld('toc-anchors.md');
    assert.deepEqual(outline(g), ['# Python 知识点', '  # 数据结构', '  - 字典的实现 @16', '  - 集合的实现 @20', '  # 函数', '  - 闭包 @28']);
    assert.equal(question(g, '闭包').markdown, '内层函数引用了外层函数的变量，并且外层函数返回了内层函数。', 'separator rules are trimmed');
  });

  it('YAML front matter: lines count from the top of the file, Q-prefixes are dropped', () => {
    const g = extractRealworld('front-matter.md');
    assert.deepEqual(outline(g), ['# front-matter', '- 什么是鸭子类型？ @10', '- Python 的参数传递是值传递还是引用传递 @14', '- dict 的键有什么要求？ @18']);
    assert.equal(question(g, '什么是鸭子类型？').bodyLine, 12);
  });

  it('"####" questions under "###" groups under "##" chapters', () => {
    assert.deepEqual(outline(extractRealworld('deep-groups.md')), [
      '# 后端面试笔记',
      '  # 计算机网络',
      '    # TCP',
      '    - 三次握手的过程 @7',
      '    - 为什么不是两次握手？ @11',
      '    # HTTP',
      '    - GET 和 POST 的区别 @17',
      '    - HTTPS 的握手 @21',
      '  # 数据库',
      '    # MySQL',
      '    - 索引为什么用 B+ 树 @29',
    ]);
  });

  it('"#" comments inside fenced and indented code are code, not headings', () => {
    const g = extractRealworld('code-comments.md');
    assert.deepEqual(outline(g), ['# code-comments', '- 单例模式怎么写 @1', '- 如何反转一个字符串 @23', '- 交换两个变量 @31']);
    assert.ok(question(g, '单例模式怎么写').markdown.includes('# 方法二：使用 __new__'));
    assert.equal(question(g, '交换两个变量').markdown, '    a, b = 1, 2\n    a, b = b, a', 'indented code keeps its indent');
  });

  it('HTML blocks, images and <details> stay in answers; a trailing comment is trimmed', () => {
    const g = extractRealworld('html-images.md');
    assert.deepEqual(outline(g), ['# html-images', '- Python 的内存管理机制 @5', '- 什么是协程 @13']);
    const coroutine = question(g, '什么是协程');
    assert.ok(coroutine.markdown.startsWith('<details>'));
    assert.ok(coroutine.markdown.endsWith('</details>'));
    assert.ok(question(g, 'Python 的内存管理机制').markdown.startsWith('<p align="center"><img'));
  });

  it('empty headings take their first line of content; link headings show their text', () => {
    assert.deepEqual(outline(extractRealworld('empty-and-link-headings.md')), [
      '# empty-and-link-headings',
      '- GIL @1',
      '- with 语句背后调用的是 __enter__ 和 __exit__，即使出错也会执行清理。 @5',
      '- 迭代器实现了 __iter__ 和 __next__，可迭代对象只需要实现 __iter__。 @9',
      '- yield 关键字 @13',
      '- __init__ 方法 🐍 @17',
    ]);
  });

  it('setext title and headings in an English file', () => {
    const g = extractRealworld('english-notes.md');
    assert.deepEqual(outline(g), [
      '# Python Interview Questions',
      '- What is a decorator? @6',
      '- What does if __name__ == "__main__" do? @11',
      '- How do you copy a list? @20',
    ]);
  });

  it('GBK and UTF-16 files parse like UTF-8 ones', () => {
    assert.deepEqual(outline(extractRealworld('gbk-encoded.md')), ['# 字符编码笔记', '- Python 3 的字符串是什么类型？ @3', '- 如何把 GBK 字节转成字符串？ @7']);
    const expected = ['# Windows 记事本保存的笔记', '- 什么是 PEP 8？ @3', '- 如何格式化代码？ @7'];
    assert.deepEqual(outline(extractRealworld('utf16le-bom.md')), expected);
    assert.deepEqual(outline(extractRealworld('utf16be-bom.md')), expected);
  });
});

describe('extractQuestions: structure rules', () => {
  it('a heading holding only deeper headings is a group; rules and anchors do not count as content', () => {
    const g = extract('## 基础\n\n---\n\n<a name="x"></a>\n\n### A\n\na\n\n### B\n\nb\n');
    assert.deepEqual(outline(g), ['# File', '  # 基础', '  - A @7', '  - B @11']);
  });

  it('a question-like heading with unnumbered sub-parts is one question', () => {
    const g = extract('## 1. A\n\na\n\n## 2. B\n\nb\n\n## 3. 深浅拷贝\n\n### 浅拷贝\n\nx\n\n### 深拷贝\n\ny\n');
    assert.deepEqual(outline(g), ['# File', '- A @1', '- B @5', '- 深浅拷贝 @9']);
    assert.equal(question(g, '深浅拷贝').markdown, '### 浅拷贝\n\nx\n\n### 深拷贝\n\ny');
  });

  it('a long intro keeps sub-headings inside the question', () => {
    const g = extract('## 1. A\n\na\n\n## 2. 装饰器\n\n装饰器是…\n\n它的用处…\n\n```python\n@wraps\n```\n\n### 1. 定义\n\nx\n\n### 2. 用法\n\ny\n');
    assert.deepEqual(outline(g), ['# File', '- A @1', '- 装饰器 @5']);
  });

  it('sub-headings numbered as sub-points (2.1, 2.2 under 2) are parts of one question, intro included', () => {
    const g = extract('## 1. A\n\na\n\n## 2. 装饰器\n\n本节介绍装饰器。\n\n### 2.1 定义\n\nx\n\n### 2.2 用法\n\ny\n');
    assert.deepEqual(outline(g), ['# File', '- A @1', '- 装饰器 @5']);
    assert.equal(question(g, '装饰器').markdown, '本节介绍装饰器。\n\n### 2.1 定义\n\nx\n\n### 2.2 用法\n\ny');
  });

  it('sub-headings that read as parts (定义, 用法) make one question with its own text first', () => {
    const g = extract('## 装饰器\n\n第一段。\n\n第二段。\n\n### 1. 定义\n\nx\n\n### 2. 用法\n\ny\n');
    assert.deepEqual(outline(g), ['# File', '- 装饰器 @1']);
    assert.ok(question(g, '装饰器').markdown.startsWith('第一段。\n\n第二段。\n\n### 1. 定义'));
  });

  it('a question with its own answer whose deeper headings also ask: they are its siblings', () => {
    const g = extract('### 什么是 cookie？\n\n客户端保存。\n\n### HTTP 如何保证不丢数据？\n\nTCP 重传。\n\n#### 请求头里的 Accept 是什么意思？\n\n可接受的类型。\n\n### 什么是 OSI 模型？\n\n七层。\n');
    assert.deepEqual(outline(g), ['# File', '- 什么是 cookie？ @1', '- HTTP 如何保证不丢数据？ @5', '- 请求头里的 Accept 是什么意思？ @9', '- 什么是 OSI 模型？ @13']);
    assert.equal(question(g, 'HTTP 如何保证不丢数据？').markdown, 'TCP 重传。');
  });

  it('a group intro with two or more blocks becomes a question named after the group', () => {
    const g = extract('## 装饰器\n\n第一段。\n\n第二段。\n\n### 1. 如何定义？\n\nx\n\n### 2. 怎么用？\n\ny\n');
    assert.deepEqual(outline(g), ['# File', '  # 装饰器', '  - 装饰器 @3', '  - 如何定义？ @7', '  - 怎么用？ @11']);
    assert.equal(question(g, '装饰器').markdown, '第一段。\n\n第二段。');
  });

  it('file intro: dropped when one paragraph, a question named after the file when it has code', () => {
    assert.deepEqual(outline(extract('一段说明。\n\n## A\n\na\n')), ['# File', '- A @3']);
    const g = extract('说明。\n\n```python\nprint(1)\n```\n\n## A\n\na\n');
    assert.deepEqual(outline(g), ['# File', '- File @1', '- A @7']);
    assert.equal(question(g, 'File').markdown, '说明。\n\n```python\nprint(1)\n```');
  });

  it('several "#" headings: root is the file, each "#" a question or group', () => {
    assert.deepEqual(outline(extract('# A\n\na\n\n# B\n\n## b1\n\nx\n\n## b2\n\ny\n')), ['# File', '- A @1', '  # B', '  - b1 @7', '  - b2 @11']);
  });

  it('a "#" that is not the first heading does not name the file', () => {
    assert.equal(extract('## 前言\n\ntext\n\n# Title\n\n## q\n\nx\n').title, 'File');
  });

  it('a lone "#" title with content: the file is one question named by the title', () => {
    const g = extract('# 什么是GIL\n\n全局解释器锁。\n');
    assert.deepEqual(outline(g), ['# 什么是GIL', '- 什么是GIL @1']);
    assert.equal(g.questions[0].markdown, '全局解释器锁。');
  });

  it('a "#" title followed by numbered questions', () => {
    assert.deepEqual(outline(extract('# 面试题\n\n1. 什么是GIL\n\n锁。\n\n2. 什么是装饰器\n\n函数。\n')), ['# 面试题', '- 什么是GIL @3', '- 什么是装饰器 @7']);
  });

  it('a topic section holding numbered questions is a group of them', () => {
    const g = extract('## 基础\n\n1. 什么是GIL\n\n锁。\n\n2. 什么是装饰器\n\n函数。\n\n## 为什么 Python 慢？\n\n1. 动态类型\n\n   解释…\n\n2. 解释执行\n\n   解释…\n');
    assert.deepEqual(outline(g), ['# File', '- 为什么 Python 慢？ @11', '  # 基础', '  - 什么是GIL @3', '  - 什么是装饰器 @7']);
  });

  it('"1、" paragraphs with the answer on the next line; separators between questions are trimmed', () => {
    const g = extract('1、什么是GIL\nGIL 是全局解释器锁。\n\n---\n\n2、什么是装饰器\n返回函数的函数。\n', 2);
    assert.deepEqual(g.questions, [
      { title: '什么是GIL', markdown: 'GIL 是全局解释器锁。', line: 3, bodyLine: 4, lines: [3, 4] },
      { title: '什么是装饰器', markdown: '返回函数的函数。', line: 8, bodyLine: 9, lines: [8, 9] },
    ]);
  });

  it('a plain ordered list without answers is not a list of questions', () => {
    const g = extract('1. apple\n2. banana\n3. cherry\n');
    assert.deepEqual(outline(g), ['# File', '- File @1']);
    assert.equal(g.questions[0].markdown, '1. apple\n2. banana\n3. cherry');
  });

  it('no headings, no numbers: one question with the whole body', () => {
    const g = extract('\n\njust some text\n\nmore text\n\n', 4);
    assert.deepEqual(g.questions, [{ title: 'File', markdown: 'just some text\n\nmore text', line: 7, bodyLine: 7, lines: [7, 9] }]);
  });

  it('empty or whitespace bodies give no questions; a blank file title falls back', () => {
    assert.deepEqual(extract('').questions, []);
    assert.deepEqual(extract('\n  \n---\n').questions, []);
    assert.equal(extractQuestions('text', { fileTitle: '  ', lineOffset: 0 }).questions[0].title, 'Untitled');
  });

  it('leading TOC lists, with or without a heading, are skipped', () => {
    const plain = extract('- [A](#a)\n- [B](#b)\n  - [B1](#b1)\n\n## A\n\nx\n\n## B\n\ny\n');
    assert.deepEqual(outline(plain), ['# File', '- A @5', '- B @9']);
    const titled = extract('# T\n\n## Table of Contents\n\n1. [A](#a)\n2. [B](#b)\n\n## A\n\nx\n\n## B\n\ny\n');
    assert.deepEqual(outline(titled), ['# T', '- A @8', '- B @12']);
  });

  it('a link list to other pages is content, not a TOC', () => {
    const g = extract('## 参考\n\n- [文档](https://docs.python.org)\n- [PEP 8](https://peps.python.org/pep-0008/)\n');
    assert.deepEqual(outline(g), ['# File', '- 参考 @1']);
  });

  it('headings inside lists and quotes are not structure', () => {
    const g = extract('- ## not a heading\n\n> ## quoted\n\ntext\n');
    assert.equal(g.questions.length, 1);
    assert.equal(g.questions[0].title, 'File');
  });

  it('empty headings: truncated first line as title; skipped when they hold nothing', () => {
    const long = '很长的一段话'.repeat(20);
    const g = extract(`##\n\n${long}\n\n##\n\n## 1.\n`);
    assert.equal(g.questions.length, 1);
    assert.equal(g.questions[0].title, `${long.slice(0, 60)}…`);
  });

  it('skipped heading levels still give questions', () => {
    assert.deepEqual(outline(extract('## G\n\n#### 什么是A\n\nx\n\n#### 什么是B\n\ny\n')), ['# File', '  # G', '  - 什么是A @3', '  - 什么是B @7']);
  });

  it('markdown is the exact source lines, CRLF included, trimmed of blank lines and separators', () => {
    const g = extract('## A\r\n\r\nx  \r\n\ty\r\n\r\n***\r\n\r\n## B\r\n\r\nz\r\n', 10);
    assert.deepEqual(g.questions, [
      { title: 'A', markdown: 'x  \n\ty', line: 11, bodyLine: 13, lines: [11, 14] },
      { title: 'B', markdown: 'z', line: 18, bodyLine: 20, lines: [18, 20] },
    ]);
  });

  it('an empty titled question keeps its title with an empty answer', () => {
    assert.deepEqual(extract('## 1. 待补充\n\n## 2. B\n\nb\n').questions.map((q) => [q.title, q.markdown]), [
      ['待补充', ''],
      ['B', 'b'],
    ]);
  });
});
