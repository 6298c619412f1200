# Augmented assignment: targets evaluated once, __iadd__ before __add__.
calls = []
def key(k):
    calls.append(k)
    return k
d = {"a": 1}
d[key("a")] += 10
print(d, calls)  # expect: {'a': 11} ['a']
class Box:
    def __init__(self):
        self.items = [1]
        self.reads = 0
    def get(self):
        self.reads += 1
        return self
b = Box()
b.get().items += [2]
print(b.items, b.reads)  # expect: [1, 2] 1
alias = b.items
b.items += [3]
print(alias, alias is b.items)  # expect: [1, 2, 3] True
t = (1,)
u = t
t += (2,)
print(t, u)  # expect: (1, 2) (1,)
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, v):
        self.total += v
        return self
    def __repr__(self):
        return f"Acc({self.total})"
a = Acc()
ref = a
a += 5
a += 2
print(a, ref is a)  # expect: Acc(7) True
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o1 = OnlyAdd(1)
o2 = o1
o1 += 1
print(o1.v, o2.v, o1 is o2)  # expect: 2 1 False
grid = [[0, 0], [0, 0]]
grid[1][0] -= 4
n = 3
n **= 2
n //= 2
n %= 3
n <<= 4
n |= 1
n ^= 3
s = "ab"
s *= 2
print(grid, n, s)  # expect: [[0, 0], [-4, 0]] 18 abab
def local_aug():
    v = [1]
    v *= 2
    return v
print(local_aug())  # expect: [1, 1]
