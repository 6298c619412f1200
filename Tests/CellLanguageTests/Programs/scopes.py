# Closures, nonlocal, global, and unbound locals.
def counter():
    n = 0
    def step(by=1):
        nonlocal n
        n += by
        return n
    return step
c1, c2 = counter(), counter()
c1()
c1(5)
print(c1(), c2())  # expect: 7 1
total = 10
def add(v):
    global total
    total += v
add(5)
print(total)  # expect: 15
def shadow():
    total = 1
    return total
print(shadow(), total)  # expect: 1 15
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())  # expect: [2, 2, 2]
def nested_levels():
    a = 1
    def mid():
        def inner():
            return a + 1
        return inner()
    return mid()
print(nested_levels())  # expect: 2
class K:
    value = 3
    doubled = value * 2
    def get(self):
        return self.value
print(K.doubled, K().get())  # expect: 6 3
# %%
def broken():
    print(undefined_thing)
broken()  # expect-error: NameError: name 'undefined_thing' is not defined
# %%
def unbound():
    print(v)
    v = 1
unbound()  # expect-error: UnboundLocalError: cannot access local variable 'v' where it is not associated with a value
# %%
x = 1
del x
x  # expect-error: NameError: name 'x' is not defined
