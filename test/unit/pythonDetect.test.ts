import * as assert from 'node:assert/strict';
import { looksLikePython } from '../../src/core/notes/pythonDetect';

const PYTHON: Record<string, string> = {
  'function definition': 'def add(a, b):\n    return a + b\n',
  'typed async function': 'async def fetch(url: str) -> bytes:\n    ...\n',
  'class with self': 'class Stack:\n    def __init__(self):\n        self.items = []\n',
  'from-import and call': 'from collections import defaultdict\ncounts = defaultdict(int)\n',
  'plain import and use': 'import sys\nsys.setrecursionlimit(10000)\n',
  'interactive session': '>>> a = [1, 2]\n>>> a is a[:]\nFalse\n',
  'f-string': 'name = "GIL"\nmsg = f"hello {name}"\n',
  'main guard': 'if __name__ == "__main__":\n    main()\n',
  'list comprehension and print': 'squares = [x * x for x in range(5)]\nprint(squares)\n',
  'elif chain': 'if x > 0:\n    sign = 1\nelif x < 0:\n    sign = -1\nelse:\n    sign = 0\n',
  'try/except': 'try:\n    value = int(text)\nexcept ValueError:\n    value = 0\n',
  'decorator use': '@functools.lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n',
  'assignment and print': 'a = [1, 2, 3]\nb = a\nprint(a is b)\n',
  'with block': 'with open("a.txt") as f:\n    data = f.read()\n',
  'lambda': 'key = lambda item: item[1]\n',
  'for loop with comments': '# 遍历字典\nfor k, v in d.items():\n    print(k, v)\n',
  'dict literal': 'config = {\n    "debug": True,\n}\nprint(config["debug"])\n',
  'python shebang': '#!/usr/bin/env python3\nmain()\n',
};

const NOT_PYTHON: Record<string, string> = {
  'pip install': 'pip install requests\npython app.py\n',
  'shell prompt': '$ python3 -m venv .venv\n$ source .venv/bin/activate\n',
  'bash script': '#!/bin/bash\nfor f in *.md; do\n  echo "$f"\ndone\n',
  'JSON object': '{\n  "name": "notes",\n  "version": 1\n}\n',
  'JSON array': '[1, 2, 3]',
  SQL: 'SELECT name, age\nFROM users\nWHERE age > 18;\n',
  'SQL create': 'CREATE TABLE users (\n  id INT PRIMARY KEY\n);\n',
  JavaScript: 'function add(a, b) {\n  return a + b;\n}\nconsole.log(add(1, 2));\n',
  'JS arrow': 'const add = (a, b) => {\n  return a + b;\n};\n',
  C: '#include <stdio.h>\nint main(void) {\n  printf("hi\\n");\n  return 0;\n}\n',
  Java: 'public class Main {\n  public static void main(String[] args) {\n    System.out.println("hi");\n  }\n}\n',
  'Chinese prose': '这段代码没有标语言，只是一段说明文字。\n第二行也是文字。\n',
  'English prose': 'The answer depends on the workload.\nUse processes for CPU-bound work.\n',
  'traceback only': 'Traceback (most recent call last):\n  File "demo.py", line 3, in <module>\n    print(1 / 0)\nZeroDivisionError: division by zero\n',
  'program output': '[1, 4, 9]\nTrue\n',
  YAML: 'server:\n  port: 8080\n  hosts:\n    - a\n    - b\n',
  'git commands': 'git add .\ngit commit -m "notes"\n',
  empty: '   \n',
};

describe('looksLikePython', () => {
  for (const [name, code] of Object.entries(PYTHON)) {
    it(`Python: ${name}`, () => assert.equal(looksLikePython(code), true));
  }
  for (const [name, code] of Object.entries(NOT_PYTHON)) {
    it(`not Python: ${name}`, () => assert.equal(looksLikePython(code), false));
  }
  it('reads CRLF code the same way', () => {
    assert.equal(looksLikePython('def f():\r\n    return 1\r\n'), true);
  });
  it('an interactive session that ends in a traceback is still Python', () => {
    assert.equal(looksLikePython('>>> 1 / 0\nTraceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n'), true);
  });
});
