# The math module and introspection helpers.
import math
from math import sqrt, pi as PI
print(math.sqrt(16), sqrt(2), round(PI, 5), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))  # expect: 4.0 1.4142135623730951 3.14159 -3 3 -2
print(math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.pow(2, 10), math.isclose(0.1 + 0.2, 0.3))  # expect: 1.0 1.0 3.0 3.0 1024.0 True
print(math.isnan(math.nan), math.isinf(-math.inf), math.prod([2, 3, 4]), math.fabs(-3))  # expect: True True 24 3.0
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2
    def norm(self):
        return 0
print(vars(Point()), [n for n in dir(Point()) if not n.startswith("__")])  # expect: {'x': 1, 'y': 2} ['norm', 'x', 'y']
# %%
math.sqrt(-1)  # expect-error: ValueError: math domain error
