# Starred expressions in displays, calls and targets.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, 2}, {**{"k": 1}, **{"j": 2}})  # expect: [1, 2, 3, 4, 5] (1, 2, 3, 4) {1, 2} {'k': 1, 'j': 2}
print(*a, *"xy", sep="|")  # expect: 1|2|x|y
first, *middle, last = range(6)
print(first, middle, last)  # expect: 0 [1, 2, 3, 4] 5
*init, tail = "abc"
print(init, tail)  # expect: ['a', 'b'] c
(p, q), [r, (s, t)] = "pq", [1, (2, 3)]
print(p, q, r, s, t)  # expect: p q 1 2 3
x, y = y, x = 1, 2
print(x, y)  # expect: 2 1
d = {}
d["a"], d["b"] = 1, 2
obj = type("unused", (), {}) if False else None
print(d)  # expect: {'a': 1, 'b': 2}
for k, (v, w) in {"z": (1, 2)}.items():
    print(k, v, w)  # expect: z 1 2
h, w = (6, 8)
print(h * w)  # expect: 48
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)  # expect: [[1, 3], [2, 4]]
# %%
a, *b, c = [1]  # expect-error: ValueError: not enough values to unpack (expected at least 2, got 1)
# %%
x, y = {"only": 1}  # expect-error: ValueError: not enough values to unpack (expected 2, got 1)
