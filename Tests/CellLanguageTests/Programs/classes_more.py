# More class behaviour, expectations recorded from CPython 3.11.
class Stack:
    def __init__(self, items=None):
        self._items = list(items or [])
    def push(self, item):
        self._items.append(item)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return reversed(self._items)
    def __contains__(self, item):
        return item in self._items
    def __repr__(self):
        return f"Stack({self._items!r})"
    def __eq__(self, other):
        return isinstance(other, Stack) and self._items == other._items
s = Stack().push(1).push(2).push(3)
print(s, len(s), list(s), 2 in s, 5 in s, s == Stack([1, 2, 3]), s != Stack())
print(s.pop(), s, bool(s), bool(Stack()))
class Shape:
    sides = 0
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def describe(self):
        return f"{self.name} with {self.sides} sides"
    def __str__(self):
        return self.describe()
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
    def describe(self):
        return "square! " + super().describe()
shapes = [Triangle("t"), Square("s"), Shape("blob")]
for shape in shapes:
    print(shape, type(shape).__name__, isinstance(shape, Shape), isinstance(shape, Square))
print(Shape.count, Triangle.count, Square.sides, [type(x).__mro__[1].__name__ for x in shapes])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    __radd__ = __add__
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
    def __format__(self, spec):
        return format(self.cents / 100, spec) + " USD"
wallet = [Money(150), Money(99), Money(1000)]
print(sum(wallet), sorted(wallet), max(wallet), min(wallet), Money(5) <= Money(5), Money(1) > Money(0))
print(f"{Money(1234):>10.1f}", "{:.0f}".format(Money(250)))
class Meta:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"no {name}")
m = Meta()
print(m.get_value(), hasattr(m, "other"), getattr(m, "other", "fallback"))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return len(args) + len(kwargs)
c = Counter()
print(c(1, 2, k=3), c(), c.calls, callable(c))
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def total(self):
        return self.value + sum(child.total() for child in self.children)
    def depth(self):
        return 1 + max((child.depth() for child in self.children), default=0)
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.total(), tree.depth(), [child.value for child in tree.children])
# expect: Stack([1, 2, 3]) 3 [3, 2, 1] True False True True
# expect: 3 Stack([1, 2]) True False
# expect: t with 3 sides Triangle True False
# expect: square! s with 4 sides Square True True
# expect: blob with 0 sides Shape True False
# expect: 3 3 4 ['Shape', 'Shape', 'object']
# expect: $12.49 [$0.99, $1.50, $10.00] $10.00 $0.99 True True
# expect:       12.3 USD 2 USD
# expect: value False fallback
# expect: 3 0 2 True
# expect: 10 3 [2, 3]
