# Strings: literals, escapes, methods, slicing.
s = 'abc' "def" '''ghi'''
print(s, len(s), s[2], s[-2], s[1:7:2])  # expect: abcdefghi 9 c h bdf
print(r"raw\n", "tab\tx", "\x41\u00e9\q", "\N{GREEK SMALL LETTER ALPHA}")  # expect: raw\n tab	x Aé\q α
print("a\
b")  # expect: ab
print("""two
lines""")  # expect: two
# expect: lines
print("hello world".title(), "MiXeD".swapcase(), "x".center(5, "*"))  # expect: Hello World mIxEd **x**
print("a-b-c".rsplit("-", 1), "  a  b ".split(None, 1), "abc".partition("b"))  # expect: ['a-b', 'c'] ['a', 'b '] ('a', 'b', 'c')
print("banana".count("an"), "banana".rfind("an"), "banana".index("n"), "banana".find("x"))  # expect: 2 3 2 -1
print("42".zfill(5), "-7".zfill(4), "abc".isalpha(), "12".isdigit(), " ".isspace())  # expect: 00042 -007 True True True
print("x".join("abc"), "-".join([]), "ab" * 3, 3 * "-", "ab" * -1)  # expect: axbxc  ababab --- 
print("aaa".replace("a", "b", 2), "a,b".split(","), "xxhixx".strip("x"))  # expect: bba ['a', 'b'] hi
print("abc" < "abd", "Z" < "a", "" < "a", "ab" in "cabd")  # expect: True True True True
print(repr('a\'b"c'), repr("\x00\x7f"), repr("é中"))  # expect: 'a\'b"c' '\x00\x7f' 'é中'
print(str(12), str(1.5), str(None), str([1, "a"]), repr("q"))  # expect: 12 1.5 None [1, 'a'] 'q'
print(ord("A"), chr(97), "中文"[1], len("中文"))  # expect: 65 a 文 2
print("Hello"[::-1], "Hello"[10:], "Hello"[-100:2])  # expect: olleH  He
print("%5.1f|%-4d|%x|%r|%%|%s" % (3.14159, 7, 255, "a", [1]))  # expect:   3.1|7   |ff|'a'|%|[1]
print("%(a)s=%(b)03d" % {"a": "k", "b": 5})  # expect: k=005
# %%
"abc"[5]  # expect-error: IndexError: string index out of range
# %%
"abc"[1] = "x"  # expect-error: TypeError: 'str' object does not support item assignment
# %%
"%d %d" % (1,)  # expect-error: TypeError: not enough arguments for format string
# %%
"%d" % (1, 2)  # expect-error: TypeError: not all arguments converted during string formatting
# %%
",".join([1, 2])  # expect-error: TypeError: sequence item 0: expected str instance, int found
# %%
"\N"  # expect-error: SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape
