# Classes: inheritance, super(), dunder methods, properties, class attributes.
class Vector:
    """A 2-D vector."""
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __add__(self, other):
        if isinstance(other, Vector):
            return Vector(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __radd__(self, other):
        return Vector(self.x + other, self.y + other)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        return iter([self.x, self.y])
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
v = Vector(1, 2)
w = Vector(3, 4)
print(v + w, 10 + v, 2 * v, v * 3, -v)  # expect: Vector(4, 6) Vector(11, 12) Vector(2, 4) Vector(3, 6) Vector(-1, -2)
print(v == Vector(1, 2), v != w, len(v), v[1], list(v), bool(Vector(0, 0)))  # expect: True True 2 2 [1, 2] False
print(sorted([w, v]), {v: "a"}[Vector(1, 2)], Vector.__doc__, v.dims)  # expect: [Vector(1, 2), Vector(3, 4)] a A 2-D vector. 2
a, b = w
print(a, b, sum([v, w], Vector(0, 0)), max([v, w]))  # expect: 3 4 Vector(4, 6) Vector(3, 4)
class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base"]
    def describe(self):
        return f"<{self.kind()} {self.name}>"
    def kind(self):
        return "base"
class Child(Base):
    def __init__(self, name):
        super().__init__(name.upper())
        self.log.append("Child")
    def kind(self):
        return "child:" + super().kind()
c = Child("c")
print(c.describe(), c.log, isinstance(c, Base), issubclass(Child, Base), type(c) is Child)  # expect: <child:base C> ['Base', 'Child'] True True True
print(Child.__name__, Child.__base__.__name__, c.__class__ == Child, type(c) == Base)  # expect: Child Base True False
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls):
        return cls()
t = Temperature.make()
t.fahrenheit = 212
print(t._c, t.fahrenheit, Temperature.unit(), t.unit())  # expect: 100.0 212.0 C C
class Callable:
    def __call__(self, *args, **kwargs):
        return args, kwargs
    def __contains__(self, item):
        return item == 42
print(Callable()(1, k=2), 42 in Callable(), 1 in Callable(), callable(Callable()), callable(3))  # expect: ((1,), {'k': 2}) True False True False
class Plain:
    pass
p = Plain()
p.attr = 5
print(getattr(p, "attr"), getattr(p, "missing", "dflt"), hasattr(p, "attr"), hasattr(p, "nope"))  # expect: 5 dflt True False
setattr(p, "other", 6)
print(p.__dict__, repr(Plain()).startswith("<__main__.Plain object at 0x"))  # expect: {'attr': 5, 'other': 6} True
class Item:
    def __init__(self):
        self.store = {}
    def __setitem__(self, k, v):
        self.store[k] = v
    def __getitem__(self, k):
        return self.store[k]
    def __delitem__(self, k):
        del self.store[k]
it = Item()
it["a"] = 1
it["a"] += 5
print(it["a"])  # expect: 6
del it["a"]
print(it.store)  # expect: {}
class Fallback:
    def __getattr__(self, name):
        return name * 2
print(Fallback().abc)  # expect: abcabc
print(str(v), format(v, ""), f"{v}")  # expect: Vector(1, 2) Vector(1, 2) Vector(1, 2)
# %%
v + 1  # expect-error: TypeError: unsupported operand type(s) for +: 'Vector' and 'int'
# %%
c.describe(1)  # expect-error: TypeError: Base.describe() takes 1 positional argument but 2 were given
# %%
p.nothing  # expect-error: AttributeError: 'Plain' object has no attribute 'nothing'
# %%
Plain(1)  # expect-error: TypeError: Plain() takes no arguments
# %%
t.unit = 5
Temperature.missing  # expect-error: AttributeError: type object 'Temperature' has no attribute 'missing'
# %%
class Bad(5):
    pass  # expect-error: TypeError: class base must be a class, not 'int'
# %%
Vector(1, 2) < 3  # expect-error: AttributeError: 'int' object has no attribute 'x'
