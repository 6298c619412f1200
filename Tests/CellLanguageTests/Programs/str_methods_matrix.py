# String methods over awkward inputs; recorded from CPython 3.11.
samples = ["", " ", "a", "Hello World", "  two  words  ", "a,b,,c,", "MiXeD 123", "ünïcödé", "tab\tnew\nline", "x" * 3]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.strip(), s.lstrip(), s.rstrip(),
          s.split(), s.split(","), s.split(" ", 1), s.rsplit(None, 1), s.partition(" "), s.rpartition(","),
          s.find("o"), s.rfind("o"), s.count("a"), s.count(""), s.replace(" ", "_"), s.replace("", "|"), s.zfill(6),
          s.center(9, "."), s.ljust(4, "-"), s.rjust(4), s.isalpha(), s.isdigit(), s.isspace(), s.isupper(), s.islower(),
          s.startswith(("a", "H")), s.endswith(""), s.splitlines(), s.strip("a, "), sep=" | ")
print("-".join(["a", "b"]), "".join([]), "ab".join("xyz"), "%s|%5s|%-5s|" % ("", "ab", "cd"), "x".center(4), "ab".center(5, "*"))
# expect: '' |  |  |  |  |  |  |  |  | [] | [''] | [''] | [] | ('', '', '') | ('', '', '') | -1 | -1 | 0 | 1 |  | | | 000000 | ......... | ---- |      | False | False | False | False | False | False | True | [] | 
# expect: ' ' |   |   |   |   |   |  |  |  | [] | [' '] | ['', ''] | [] | ('', ' ', '') | ('', '', ' ') | -1 | -1 | 0 | 2 | _ | | | | 00000  | .... .... |  --- |      | False | False | True | False | False | False | True | [' '] | 
# expect: 'a' | A | a | A | A | A | a | a | a | ['a'] | ['a'] | ['a'] | ['a'] | ('a', '', '') | ('', '', 'a') | -1 | -1 | 1 | 2 | a | |a| | 00000a | ....a.... | a--- |    a | True | False | False | False | True | True | True | ['a'] | 
# expect: 'Hello World' | HELLO WORLD | hello world | Hello World | Hello world | hELLO wORLD | Hello World | Hello World | Hello World | ['Hello', 'World'] | ['Hello World'] | ['Hello', 'World'] | ['Hello', 'World'] | ('Hello', ' ', 'World') | ('', '', 'Hello World') | 4 | 7 | 0 | 12 | Hello_World | |H|e|l|l|o| |W|o|r|l|d| | Hello World | Hello World | Hello World | Hello World | False | False | False | False | False | True | True | ['Hello World'] | Hello World
# expect: '  two  words  ' |   TWO  WORDS   |   two  words   |   Two  Words   |   two  words   |   TWO  WORDS   | two  words | two  words   |   two  words | ['two', 'words'] | ['  two  words  '] | ['', ' two  words  '] | ['  two', 'words'] | ('', ' ', ' two  words  ') | ('', '', '  two  words  ') | 4 | 8 | 0 | 15 | __two__words__ | | | |t|w|o| | |w|o|r|d|s| | | |   two  words   |   two  words   |   two  words   |   two  words   | False | False | False | False | True | False | True | ['  two  words  '] | two  words
# expect: 'a,b,,c,' | A,B,,C, | a,b,,c, | A,B,,C, | A,b,,c, | A,B,,C, | a,b,,c, | a,b,,c, | a,b,,c, | ['a,b,,c,'] | ['a', 'b', '', 'c', ''] | ['a,b,,c,'] | ['a,b,,c,'] | ('a,b,,c,', '', '') | ('a,b,,c', ',', '') | -1 | -1 | 1 | 8 | a,b,,c, | |a|,|b|,|,|c|,| | a,b,,c, | .a,b,,c,. | a,b,,c, | a,b,,c, | False | False | False | False | True | True | True | ['a,b,,c,'] | b,,c
# expect: 'MiXeD 123' | MIXED 123 | mixed 123 | Mixed 123 | Mixed 123 | mIxEd 123 | MiXeD 123 | MiXeD 123 | MiXeD 123 | ['MiXeD', '123'] | ['MiXeD 123'] | ['MiXeD', '123'] | ['MiXeD', '123'] | ('MiXeD', ' ', '123') | ('', '', 'MiXeD 123') | -1 | -1 | 0 | 10 | MiXeD_123 | |M|i|X|e|D| |1|2|3| | MiXeD 123 | MiXeD 123 | MiXeD 123 | MiXeD 123 | False | False | False | False | False | False | True | ['MiXeD 123'] | MiXeD 123
# expect: 'ünïcödé' | ÜNÏCÖDÉ | ünïcödé | Ünïcödé | Ünïcödé | ÜNÏCÖDÉ | ünïcödé | ünïcödé | ünïcödé | ['ünïcödé'] | ['ünïcödé'] | ['ünïcödé'] | ['ünïcödé'] | ('ünïcödé', '', '') | ('', '', 'ünïcödé') | -1 | -1 | 0 | 8 | ünïcödé | |ü|n|ï|c|ö|d|é| | ünïcödé | .ünïcödé. | ünïcödé | ünïcödé | True | False | False | False | True | False | True | ['ünïcödé'] | ünïcödé
# expect: 'tab\tnew\nline' | TAB	NEW
# expect: LINE | tab	new
# expect: line | Tab	New
# expect: Line | Tab	new
# expect: line | TAB	NEW
# expect: LINE | tab	new
# expect: line | tab	new
# expect: line | tab	new
# expect: line | ['tab', 'new', 'line'] | ['tab\tnew\nline'] | ['tab\tnew\nline'] | ['tab\tnew', 'line'] | ('tab\tnew\nline', '', '') | ('', '', 'tab\tnew\nline') | -1 | -1 | 1 | 13 | tab	new
# expect: line | |t|a|b|	|n|e|w|
# expect: |l|i|n|e| | tab	new
# expect: line | tab	new
# expect: line | tab	new
# expect: line | tab	new
# expect: line | False | False | False | False | True | False | True | ['tab\tnew', 'line'] | tab	new
# expect: line
# expect: 'xxx' | XXX | xxx | Xxx | Xxx | XXX | xxx | xxx | xxx | ['xxx'] | ['xxx'] | ['xxx'] | ['xxx'] | ('xxx', '', '') | ('', '', 'xxx') | -1 | -1 | 0 | 4 | xxx | |x|x|x| | 000xxx | ...xxx... | xxx- |  xxx | True | False | False | False | True | False | True | ['xxx'] | xxx
# expect: a-b  xabyabz |   ab|cd   |  x   **ab*
