# Name resolution corner cases: class bodies, nested classes, recursion in closures.
size = "global"
class Holder:
    size = "class"
    seen_in_body = size
    def method(self):
        return size
    listed = [size for _ in range(1)]
print(Holder.seen_in_body, Holder().method(), Holder.listed)  # expect: class global ['global']
def factory(tag):
    class Tagged:
        label = tag
        def describe(self):
            return f"{tag}:{self.label}"
    return Tagged
print(factory("a")().describe(), factory("b").label)  # expect: a:a b
def outer(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n)
print(outer(15))  # expect: 610
def counter_pair():
    count = 0
    def inc():
        nonlocal count
        count += 1
    def get():
        return count
    return inc, get
inc, get = counter_pair()
inc()
inc()
print(get())  # expect: 2
def shadowing(x):
    def inner():
        x = "inner"
        return x
    return inner(), x
print(shadowing("outer"))  # expect: ('inner', 'outer')
def uses_global_later():
    return later_defined * 2
later_defined = 21
print(uses_global_later())  # expect: 42
def defaults_bind_early(v=size):
    return v
size = "changed"
print(defaults_bind_early())  # expect: global
def deep():
    a = 1
    def level1():
        def level2():
            def level3():
                return a
            return level3()
        return level2()
    return level1()
print(deep())  # expect: 1
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])  # expect: [10, 11, 12]
class Base:
    def who(self):
        return "base"
class Mid(Base):
    def who(self):
        return "mid>" + super().who()
class Leaf(Mid):
    def who(self):
        inner = [super().who() if False else "leaf"]
        return inner[0] + ">" + super().who()
print(Leaf().who())  # expect: leaf>mid>base
# %%
def comprehension_cannot_see_class():
    class C:
        hidden = 5
        values = [hidden for _ in range(1)]
    return C.values
comprehension_cannot_see_class()  # expect-error: NameError: name 'hidden' is not defined
