# Limits that keep the host alive: recursion depth, deep data, overflow.
def down(n):
    return down(n + 1)
down(0)  # expect-error: RecursionError: maximum recursion depth exceeded
# %%
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))  # expect: 900
# %%
nest = []
for _ in range(100000):
    nest = [nest]
repr(nest)  # expect-error: RecursionError: maximum recursion depth exceeded while getting the repr of an object
# %%
nest == nest  # expect: True
# %%
class Loop:
    def __repr__(self):
        return repr(self)
repr(Loop())  # expect-error: RecursionError: maximum recursion depth exceeded
# %%
[0] * (10 ** 12)  # expect-error: MemoryError
# %%
2 ** 64  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
# %%
1 << 70  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
# %%
print("still alive")  # expect: still alive
# %%
x = 1
if x == 0:
    pass
elif x == 2:
    pass
elif x == 1:
    print("third branch")  # expect: third branch
else:
    pass
# %%
def heavy(n):
    return 0 if n == 0 else heavy(n - 1) + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1
print(heavy(500))  # expect: 25000
