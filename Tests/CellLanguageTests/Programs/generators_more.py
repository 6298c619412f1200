# Generators that yield inside except blocks, with bare raise; recorded from CPython 3.11.
def recovering():
    try:
        raise ValueError("first")
    except ValueError as e:
        yield f"handling {e}"
        yield "still handling"
    yield "after"
print(list(recovering()))
def reraising():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise
it = reraising()
print(next(it))
try:
    next(it)
except KeyError as e:
    print("re-raised", repr(e))
def nested_gens():
    for i in range(3):
        inner = (i * 10 + j for j in range(2))
        yield from inner
print(list(nested_gens()))
def with_state():
    total = 0
    for v in [1, 2, 3]:
        total += v
        yield total
print(list(with_state()), sorted(with_state(), reverse=True), any(v > 5 for v in with_state()))
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)])))
# expect: ['handling first', 'still handling', 'after']
# expect: 1
# expect: re-raised KeyError('k')
# expect: [0, 1, 10, 11, 20, 21]
# expect: [1, 3, 6] [6, 3, 1] True
# expect: [1, 2, 3, 4]
