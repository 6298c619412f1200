# def, defaults, keywords, *args, **kwargs, and Python's binding errors.
def f(a, b=2, *rest, c, d=4, **opts):
    return a, b, rest, c, d, opts
print(f(1, c=3))  # expect: (1, 2, (), 3, 4, {})
print(f(1, 5, 6, 7, c=0, z=1, y=2))  # expect: (1, 5, (6, 7), 0, 4, {'z': 1, 'y': 2})
print(f(*[1, 2, 3], **{"c": 9, "d": 8}))  # expect: (1, 2, (3,), 9, 8, {})
def g(x, y):
    """Adds."""
    return x + y
print(g(y=1, x=2), g.__name__, g.__doc__, (lambda: 7)())  # expect: 3 g Adds. 7
def defaults_evaluated_once(v, acc=[]):
    acc.append(v)
    return acc
defaults_evaluated_once(1)
print(defaults_evaluated_once(2))  # expect: [1, 2]
def no_return():
    pass
print(no_return())  # expect: None
def recurse(n):
    return 1 if n <= 1 else n * recurse(n - 1)
print(recurse(20))  # expect: 2432902008176640000
def deco(fn):
    def wrapper(*args, **kwargs):
        return ("wrapped", fn(*args, **kwargs))
    return wrapper
@deco
def h(v):
    return v * 2
print(h(4))  # expect: ('wrapped', 8)
# %%
g(1)  # expect-error: TypeError: g() missing 1 required positional argument: 'y'
# %%
g()  # expect-error: TypeError: g() missing 2 required positional arguments: 'x' and 'y'
# %%
def three(a, b, c):
    pass
three()  # expect-error: TypeError: three() missing 3 required positional arguments: 'a', 'b', and 'c'
# %%
g(1, 2, 3)  # expect-error: TypeError: g() takes 2 positional arguments but 3 were given
# %%
def opt(a, b=1):
    pass
opt(1, 2, 3)  # expect-error: TypeError: opt() takes from 1 to 2 positional arguments but 3 were given
# %%
g(1, x=2)  # expect-error: TypeError: g() got multiple values for argument 'x'
# %%
f(1)  # expect-error: TypeError: f() missing 1 required keyword-only argument: 'c'
# %%
def none():
    pass
none(1)  # expect-error: TypeError: none() takes 0 positional arguments but 1 was given
# %%
5()  # expect-error: TypeError: 'int' object is not callable
# %%
def outer():
    def inner(q):
        pass
    inner()
outer()  # expect-error: TypeError: outer.<locals>.inner() missing 1 required positional argument: 'q'
