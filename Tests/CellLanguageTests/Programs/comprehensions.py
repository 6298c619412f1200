# Comprehensions have their own scope; generator expressions are lazy.
x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)  # expect: [0, 1, 4, 9, 16] outer
print({k: v for k, v in zip("ab", [1, 2])}, {n % 3 for n in range(10)})  # expect: {'a': 1, 'b': 2} {0, 1, 2}
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])  # expect: [(1, 0), (2, 1)]
print([[c for c in w] for w in ["ab", "c"]])  # expect: [['a', 'b'], ['c']]
gen = (n * 10 for n in range(3))
print(next(gen), list(gen), list(gen))  # expect: 0 [10, 20] []
def lazy():
    seen = []
    def f(v):
        seen.append(v)
        return v
    g = (f(i) for i in range(100))
    first = next(g)
    return first, seen
print(lazy())  # expect: (0, [0])
def scale(k):
    return [v * k for v in range(3)]
print(scale(5), sum(i for i in range(101)), max(len(w) for w in ["a", "abc"]))  # expect: [0, 5, 10] 5050 3
print(any(v > 3 for v in [1, 5]), all(v for v in []), list(v for v in "hi" if v != "h"))  # expect: True True ['i']
funcs = [lambda v, k=k: v + k for k in range(3)]
print([f(10) for f in funcs])  # expect: [10, 11, 12]
print(type(gen).__name__, type(x for x in []).__name__)  # expect: generator generator
