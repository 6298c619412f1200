# Assorted semantics, expectations recorded from CPython 3.11.
print(type(1 + 2.0).__name__, type(7 // 2).__name__, type(7 / 7).__name__, type(True + 1).__name__)
print(3 * [1, 2], [1, 2] * 0, (1,) * 3, "ab" < "b", (1, "a") < (1, "b"), [2] > [1, 9])
print(1 if [] else 2, [] or {} or 0 or "x", not "", 5 > 3 > 1 > 0, 1 == 1.0 == True)
print(list(range(10, 0, -3)), list(range(0)), list(range(-3)), range(0, 10, 2)[1:3])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted(["b", "A", "a"]), sorted([3, 1, 2], key=lambda v: -v))
print(max("apple", "pear", key=len), min([[3], [1, 2]]), sum([[1], [2, 3]], []), abs(-2.5e-3))
print("a,b,,c".split(",", 2), " x ".split(" "), "".split(), "abc".split("abc"))
print("{:>08.3f}|{:^+7d}|{:,.2f}|{:x}".format(-3.14159, 42, 1234567.891, 3054))
print("%-6s|%06.2f|%+d|%e" % ("ab", 3.14159, 5, 12345.678))
print(f"{'nested ' + f'{1 + 1}'}", f"{3:{'>'}{5}}", f"{[1, 2][-1]!r}")
print(repr(0.1 + 0.7), 1e22, 1.0e-7, 123456789012345678.0, 0.1 ** 20, float(2 ** 53 + 1))
print(divmod(7.5, 2), divmod(-7, -2), 7.0 // -2, -0.0 == 0.0, round(-0.5), round(1.25, 1), round(1.35, 1))
print(int("-0"), int("0b101", 0), int("  7_0  "), float("1_000.5"), float(" .5 "))
print(bool("False"), bool(0.0), str(True), int(False), float(True) + 1)
d = {}
for word in "the cat the hat the end".split():
    d[word] = d.get(word, 0) + 1
print(d, sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
s = set()
for c in "mississippi":
    s.add(c)
print(sorted(s), len(s), "s" in s, {1, 2} == {2, 1}, {1: 2} == {1: 2.0})
nums = [5, 3, 9, 1]
nums.sort(reverse=True)
print(nums, nums.index(3), nums[::-2], nums[-1:-3:-1], nums[10:], nums[:-10])
a = b = []
a.append(1)
print(b, a is b, [] is [], None == False)
x = [1, 2, 3]
y = x[:]
y[0] = 99
print(x, y, x == y, list(zip(*[(1, 2), (3, 4)])))
def kw(a, *, b=2, **rest):
    return a, b, sorted(rest.items())
print(kw(1), kw(1, b=3, z=0, y=1), kw(**{"a": 5}))
print((lambda *a, **k: (a, k))(1, 2, x=3))
t = (1, [2, 3])
t[1].append(4)
print(t, len(t), t.count(1))
print(list(map(str, [1, 2])), list(filter(lambda v: v % 2, range(6))), list(enumerate("ab", start=-1)))
print(all(x > 0 for x in [1, 2]), any([]), list(reversed([1, 2, 3])), [*range(3)])
print(isinstance([], (tuple, list)), issubclass(bool, int), issubclass(int, (str, object)), type(type) is type)
print("x".join(map(str, range(4))), "-".join("abc"), ", ".join(["a"]))
print("Hello World".lower().count("o"), "hello".capitalize(), "  pad ".rstrip() + "|", "a\tb".split())
print(chr(65) + chr(0x263A), ord("€"), "%c%c" % (72, "i"))
# expect: float int float int
# expect: [1, 2, 1, 2, 1, 2] [] (1, 1, 1) True True True
# expect: 2 x True True True
# expect: [10, 7, 4, 1] [] [] range(2, 6, 2)
# expect: [(1, 'z'), (2, 'a'), (2, 'b')] ['A', 'a', 'b'] [3, 2, 1]
# expect: apple [1, 2] [1, 2, 3] 0.0025
# expect: ['a', 'b', ',c'] ['', 'x', ''] [] ['', '']
# expect: 00-3.142|  +42  |1,234,567.89|bee
# expect: ab    |003.14|+5|1.234568e+04
# expect: nested 2     3 2
# expect: 0.7999999999999999 1e+22 1e-07 1.2345678901234568e+17 1.0000000000000011e-20 9007199254740992.0
# expect: (3.0, 1.5) (3, -1) -4.0 True 0 1.2 1.4
# expect: 0 5 70 1000.5 0.5
# expect: True False True 0 2.0
# expect: {'the': 3, 'cat': 1, 'hat': 1, 'end': 1} [('the', 3), ('cat', 1), ('end', 1), ('hat', 1)]
# expect: ['i', 'm', 'p', 's'] 4 True True True
# expect: [9, 5, 3, 1] 2 [1, 5] [1, 3] [] []
# expect: [1] True False False
# expect: [1, 2, 3] [99, 2, 3] False [(1, 3), (2, 4)]
# expect: (1, 2, []) (1, 3, [('y', 1), ('z', 0)]) (5, 2, [])
# expect: ((1, 2), {'x': 3})
# expect: (1, [2, 3, 4]) 2 1
# expect: ['1', '2'] [1, 3, 5] [(-1, 'a'), (0, 'b')]
# expect: True False [3, 2, 1] [0, 1, 2]
# expect: True True True True
# expect: 0x1x2x3 a-b-c a
# expect: 2 Hello   pad| ['a', 'b']
# expect: A☺ 8364 Hi
