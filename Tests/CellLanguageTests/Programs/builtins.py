# Builtin functions and iteration helpers.
print(list(zip("ab", range(5), [True, False, None])))  # expect: [('a', 0, True), ('b', 1, False)]
print(list(enumerate("xy", 10)), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "a"])))  # expect: [(10, 'x'), (11, 'y')] [8, 9] [1, 'a']
print(list(reversed(range(4))), list(reversed("abc")), sorted("bca", reverse=True))  # expect: [3, 2, 1, 0] ['c', 'b', 'a'] ['c', 'b', 'a']
words = ["bb", "a", "ccc", "dd"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True), min(words, key=len), max(words))  # expect: ['a', 'bb', 'dd', 'ccc'] ['ccc', 'bb', 'dd', 'a'] a dd
print(min([], default=0), max(3, 9, 4), min((2, "b"), (2, "a")), sum([0.1] * 10), sum(range(5), 10))  # expect: 0 9 (2, 'a') 0.9999999999999999 20
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))  # expect: 0 1 2 end
r = range(2, 20, 3)
print(r, len(r), r[2], r[-1], 8 in r, 9 in r, list(r[1:3]), range(5)[::-1])  # expect: range(2, 20, 3) 6 8 17 True False [5, 8] range(4, -1, -1)
print(isinstance(True, int), isinstance("s", (int, str)), type(1.0) is float, type(type(1)))  # expect: True True True <class 'type'>
print(int, str.upper("q"), list.__name__, type(None), type(print).__name__)  # expect: <class 'int'> Q list <class 'NoneType'> builtin_function_or_method
print(bool(None), bool(()), bool({}), bool(range(0)), bool(set()), bool(" "))  # expect: False False False False False True
keep = [[], []]
print(hash(1) == hash(1.0), hash("a") == hash("a"), id(it) == id(it), id(keep[0]) != id(keep[1]))  # expect: True True True True
print(repr(1.0), repr(None), ascii("ü"), divmod(-7, 2), abs(True))  # expect: 1.0 None '\xfc' (-4, 1) 1
print(list(dict.fromkeys("ab")) if hasattr(dict, "fromkeys") else ["a", "b"])  # expect: ['a', 'b']
print(tuple([1]), list((2,)), set("aa"), dict(zip("ab", "cd")), str(), int(), float())  # expect: (1,) [2] {'a'} {'a': 'c', 'b': 'd'}  0 0.0
print(print)  # expect: <built-in function print>
print(chr(0x4e2d), ord("中"), format(1234.5, ",.1f"))  # expect: 中 20013 1,234.5
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [x for x in Countdown(2)], sum(Countdown(4)))  # expect: [2, 1, 0] [1, 0] 6
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError("done")
        return i * i
print(list(Seq()), 4 in Seq())  # expect: [0, 1, 4] True
# %%
next(iter([]))  # expect-error: StopIteration
# %%
next([1])  # expect-error: TypeError: 'list' object is not an iterator
# %%
len(5)  # expect-error: TypeError: object of type 'int' has no len()
# %%
max([])  # expect-error: ValueError: max() arg is an empty sequence
# %%
for x in 5:
    pass  # expect-error: TypeError: 'int' object is not iterable
# %%
sum(["a", "b"], "")  # expect-error: TypeError: sum() can't sum strings [use ''.join(seq) instead]
# %%
sorted([1, "a"])  # expect-error: TypeError: '<' not supported between instances of 'str' and 'int'
# %%
range(1.5)  # expect-error: TypeError: 'float' object cannot be interpreted as an integer
# %%
a, b = 1  # expect-error: TypeError: cannot unpack non-iterable int object
# %%
str.upper(5)  # expect-error: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# %%
type(iter([])).__next__()  # expect-error: TypeError: descriptor '__next__' of 'list_iterator' object needs an argument
# %%
list(range(10 ** 15))  # expect-error: MemoryError
