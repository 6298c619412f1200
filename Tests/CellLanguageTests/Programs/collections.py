# Lists, tuples, dicts and sets.
a = [5, 3, 8]
b = a
b.append(1)
print(a, a is b, a == [5, 3, 8, 1], a[-1], a[1:], a[::-1])  # expect: [5, 3, 8, 1] True True 1 [3, 8, 1] [1, 8, 3, 5]
a[1:3] = [9]
print(a)  # expect: [5, 9, 1]
a[::2] = ["x", "y"]
print(a)  # expect: ['x', 9, 'y']
del a[::2]
print(a)  # expect: [9]
c = list(range(10))
del c[2:8]
c += [10]
c *= 2
print(c, len(c), c.count(10), min(c), max(c))  # expect: [0, 1, 8, 9, 10, 0, 1, 8, 9, 10] 10 2 0 10
print([1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), [] < [0])  # expect: True True True True
t = 1, 2, 3
x, *mid, z = t
print(t, mid, t[1:], t.index(2), t.count(3), (1, 2) + (3,))  # expect: (1, 2, 3) [2] (2, 3) 1 1 (1, 2, 3)
d = dict(a=1, b=2)
d.setdefault("c", 3)
d.setdefault("a", 100)
print(d, d.pop("b"), d.popitem(), d)  # expect: {'a': 1} 2 ('c', 3) {'a': 1}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
d[(1, 2)] = "tuple"
print(d, len(d))  # expect: {'a': 1, 1: 'bool', (1, 2): 'tuple'} 3
print(dict([("x", 1), ("y", 2)]), dict({"k": 0}, z=9), {**{"a": 1}, "b": 2})  # expect: {'x': 1, 'y': 2} {'k': 0, 'z': 9} {'a': 1, 'b': 2}
print(list({"p": 1, "q": 2}.items()), "p" in {"p": 1}.keys(), 2 in {"p": 2}.values())  # expect: [('p', 1), ('q', 2)] True True
s = {5, 1, 3}
s.add(2)
s.discard(9)
print(s, {1, 2} <= s if False else s.issuperset({1, 2}), s - {1}, s ^ {1, 7}, set())  # expect: {1, 2, 3, 5} True {2, 3, 5} {2, 3, 5, 7} set()
print(sorted({"b", "c", "a"}), len({1, 1.0, True}), {(1, 2), (1, 2)})  # expect: ['a', 'b', 'c'] 1 {(1, 2)}
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 1
shared = [[0] * 2] * 2
shared[0][0] = 1
print(nested, shared)  # expect: [[1, 0], [0, 0]] [[1, 0], [1, 0]]
loop = [1]
loop.append(loop)
print(loop)  # expect: [1, [...]]
# %%
[1, 2].index(5)  # expect-error: ValueError: 5 is not in list
# %%
{}["k"]  # expect-error: KeyError: 'k'
# %%
[].pop()  # expect-error: IndexError: pop from empty list
# %%
{[1]: 2}  # expect-error: TypeError: unhashable type: 'list'
# %%
(1, 2)[0] = 5  # expect-error: TypeError: 'tuple' object does not support item assignment
# %%
x = [1, 2, 3]
x[::2] = [1, 2, 3]  # expect-error: ValueError: attempt to assign sequence of size 3 to extended slice of size 2
# %%
[1][1.0]  # expect-error: TypeError: list indices must be integers or slices, not float
# %%
[1, 2, 3][::0]  # expect-error: ValueError: slice step cannot be zero
