# try/except/else/finally, raise, custom exceptions, hierarchy.
class AppError(Exception):
    pass
class DataError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
def trial(kind):
    try:
        if kind == 1:
            raise DataError("size", "too big")
        if kind == 2:
            return {}["k"]
        if kind == 3:
            raise RuntimeError
    except AppError as e:
        print("app", e, e.field, e.args)
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    else:
        print("no error")
    finally:
        print("finally", kind)
    return "done"
for k in range(3):
    print(trial(k))
# expect: no error
# expect: finally 0
# expect: done
# expect: app size: too big size ('size: too big',)
# expect: finally 1
# expect: done
# expect: lookup KeyError('k')
# expect: finally 2
# expect: done
def finally_wins():
    try:
        return "try"
    finally:
        print("cleanup")
print(finally_wins())  # expect: cleanup
# expect: try
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise
try:
    reraise()
except ArithmeticError as e:
    print(type(e).__name__, e)  # expect: handling
# expect: ZeroDivisionError division by zero
try:
    raise ValueError("a", 2)
except Exception as e:
    print(str(e), repr(e), e.args)  # expect: ('a', 2) ValueError('a', 2) ('a', 2)
try:
    raise KeyError("key")
except LookupError as e:
    print(e, isinstance(e, Exception), isinstance(e, BaseException))  # expect: 'key' True True
try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)  # expect: inner finally
# expect: outer caught inner
try:
    raise RuntimeError("x") from ValueError("y")
except RuntimeError as e:
    print(e)  # expect: x
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
# expect: body 0
# expect: fin 0
# expect: fin 1
# expect: body 2
# expect: fin 2
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert:", e)  # expect: assert: nope
print(NotImplementedError.__base__.__name__, issubclass(ModuleNotFoundError, ImportError), issubclass(TimeoutError, OSError))  # expect: RuntimeError True True
# %%
raise DataError("w", "bad")  # expect-error: DataError: w: bad
# %%
raise AppError  # expect-error: AppError
# %%
raise 5  # expect-error: TypeError: exceptions must derive from BaseException
# %%
try:
    pass
except 5:
    pass
print("not reached unless raised")  # expect: not reached unless raised
# %%
try:
    1 / 0
except 5:
    pass  # expect-error: TypeError: catching classes that do not inherit from BaseException is not allowed
# %%
print("partial output")  # expect: partial output
raise StopIteration  # expect-error: StopIteration
