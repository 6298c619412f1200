# Loops with else, break, continue, nested unpacking and conditional expressions.
for i in range(3):
    if i == 5:
        break
else:
    print("no break")  # expect: no break
n = 0
while n < 10:
    n += 3
    if n == 9:
        break
else:
    print("unreached")
print(n)  # expect: 9
k = 0
while k < 3:
    k += 1
else:
    print("while else", k)  # expect: while else 3
pairs = [(1, ("a", "b")), (2, ("c", "d"))]
for i, (x, y) in pairs:
    print(i, x + y, end="; ")
print()  # expect: 1 ab; 2 cd; 
for i, (X, y) in enumerate([("p", 1), ("q", 2)]):
    print(i, X, y)
# expect: 0 p 1
# expect: 1 q 2
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C"
print([grade(s) for s in (95, 85, 50)])  # expect: ['A', 'B', 'C']
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, None is not None, not x)  # expect: True False True False False
print(0 or [] or "last", 1 and 0 and 2, [] and 1, 2 or 1)  # expect: last 0 [] 2
if x > 3: print("one-liner")  # expect: one-liner
a = b = c = 7; print(a, b, c)  # expect: 7 7 7
with_semicolons = 1; print(with_semicolons)  # expect: 1
i = 10
for i in []:
    pass
print(i)  # expect: 10
# %%
1 + 1;
# %%
"shown"  # expect: 'shown'
