# f-strings and the format-spec mini-language.
pi = 3.14159265
n = 1234567
w, p = 12, 4
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:^9.2f}|{pi:+.1f}")  # expect: 3.14|     3.142|3.1       |  3.14   |+3.1
print(f"{n:,}|{n:_}|{n:>12,}|{-n:012,}|{n:e}")  # expect: 1,234,567|1_234_567|   1,234,567|-001,234,567|1.234567e+06
print(f"{255:x}|{255:#X}|{5:b}|{8:#o}|{65:c}|{42:*^8}")  # expect: ff|0XFF|101|0o10|A|***42***
print(f"{0.5:%}|{0.256:.1%}|{1e-7:g}|{123456789.0:g}|{0.0001:g}")  # expect: 50.000000%|25.6%|1e-07|1.23457e+08|0.0001
print(f"{pi:{w}.{p}f}|{'s':>{w}}|{n!r:>10}")  # expect:       3.1416|           s|   1234567
print(f"{'abc'!r} {'abc'!s} {'é'!a}")  # expect: 'abc' abc '\xe9'
print(f"{n=} {pi = :.1f} {1 + 1=}")  # expect: n=1234567 pi = 3.1 1 + 1=2
print(f"{{literal}} {[x * 2 for x in range(3)]} {dict(a=1)['a']}")  # expect: {literal} [0, 2, 4] 1
print(f"{True} {None} {1.0} {-0.0} {2.5:.3} {2.0:.3} {1234.5:.3}")  # expect: True None 1.0 -0.0 2.5 2.0 1.23e+03
print(f"{'x':5}|{7:5}|{1.5:6}|{12.0:.0f}|{2.5:.0f}")  # expect: x    |    7|   1.5|12|2
print(f"{float('inf'):.2f} {float('nan'):8.3f} {-1.5:e}")  # expect: inf      nan -1.500000e+00
print(format(3, "04d"), format("a", ">3"), format(0.1, ".17g"), format(True, "d"))  # expect: 0003   a 0.10000000000000001 1
print("{0}{1}{0}".format("a", "b"), "{:>4}|{:<4}|".format(1, 2), "{x[1]}-{y}".format(x=[5, 6], y=2))  # expect: aba    1|2   | 6-2
# %%
f"{'abc':d}"  # expect-error: ValueError: Unknown format code 'd' for object of type 'str'
# %%
f"{None:5}"  # expect-error: TypeError: unsupported format string passed to NoneType.__format__
