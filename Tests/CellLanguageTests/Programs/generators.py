# Generator functions: lazy, resumable, with try/finally and nesting; recorded from CPython 3.11.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)), sum(count_up(101)), [x * 2 for x in count_up(3)])
gen = count_up(2)
print(type(gen).__name__, next(gen), next(gen), next(gen, "done"), list(gen))
def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    for i in range(0, num_examples, batch_size):
        batch_indices = indices[i: min(i + batch_size, num_examples)]
        yield [features[j] for j in batch_indices], [labels[j] for j in batch_indices]
for X, y in data_iter(3, list(range(7)), list("abcdefg")):
    print(X, y)
def interleaved():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
for v in interleaved():
    print("got", v)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def walk(tree):
    if isinstance(tree, list):
        for child in tree:
            yield from walk(child)
    else:
        yield tree
print(list(walk([1, [2, [3, 4]], [[5]], 6])))
def guarded():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")
print(list(guarded()))
def pairs(items):
    for i, item in enumerate(items):
        yield i, item
print(dict(pairs("xyz")), max(pairs([3, 9, 1]), key=lambda p: p[1]))
def echo():
    received = yield "first"
    print("received", received)
    yield "second"
e = echo()
print(next(e), next(e))
def empty():
    return
    yield
print(list(empty()), list(x for x in count_up(3) if x))
# expect: [0, 1, 2, 3] 5050 [0, 2, 4]
# expect: generator 0 1 done []
# expect: [0, 1, 2] ['a', 'b', 'c']
# expect: [3, 4, 5] ['d', 'e', 'f']
# expect: [6] ['g']
# expect: start
# expect: got 1
# expect: middle
# expect: got 2
# expect: end
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: [1, 2, 'a', 'b', 0, 1]
# expect: [1, 2, 3, 4, 5, 6]
# expect: cleanup
# expect: ['a', 'b']
# expect: {0: 'x', 1: 'y', 2: 'z'} (1, 9)
# expect: received None
# expect: first second
# expect: [] [1, 2]
# %%
def failing():
    yield 1
    raise ValueError("inside generator")
g = failing()
print(next(g))
next(g)
# expect: 1
# expect: ValueError: inside generator
# %%
def bad_stop():
    yield 1
    raise StopIteration
list(bad_stop())
# expect: RuntimeError: generator raised StopIteration
# %%
yield 5
# expect: SyntaxError: 'yield' outside function
