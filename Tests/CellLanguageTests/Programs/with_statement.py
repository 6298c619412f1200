# Context managers: __enter__/__exit__, `as`, suppression, several items.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, kind, value, traceback):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.suppress
with Tracker("a") as got:
    print("inside", got)
# expect: enter a
# expect: inside A
# expect: exit a None None
with Tracker("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppression")
# expect: enter quiet
# expect: exit quiet ValueError swallowed
# expect: after suppression
with Tracker("x") as first, Tracker("y") as second:
    print(first + second)
# expect: enter x
# expect: enter y
# expect: XY
# expect: exit y None None
# expect: exit x None None
def early():
    with Tracker("ret"):
        return "returned"
print(early())
# expect: enter ret
# expect: exit ret None None
# expect: returned
for i in range(2):
    with Tracker(str(i)):
        if i == 0:
            continue
        break
# expect: enter 0
# expect: exit 0 None None
# expect: enter 1
# expect: exit 1 None None
# %%
with Tracker("loud"):
    {}["missing"]
# expect: enter loud
# expect: exit loud KeyError 'missing'
# expect-error: KeyError: 'missing'
# %%
with 5:
    pass  # expect-error: TypeError: 'int' object does not support the context manager protocol
