# float repr: shortest round trip, Python's switch to exponents.
print(0.1, 0.1 * 3, 1 / 3)  # expect: 0.1 0.30000000000000004 0.3333333333333333
print(1e16, 1e15, 123e-7, 0.00012)  # expect: 1e+16 1000000000000000.0 1.23e-05 0.00012
print(2.5e300 * 10, 2.5e300 * 1e10, -1e-320, 5e-324)  # expect: 2.5e+301 inf -1e-320 5e-324
print(float("  -2.5 "), float("1e3"), float(7), float(True))  # expect: -2.5 1000.0 7.0 1.0
print(float("-inf"), float("nan") != float("nan"))  # expect: -inf True
print(3.0.is_integer(), (2.5).is_integer())  # expect: True False
print(int(-0.9), int("  12 "), int("-0x1f", 16), int("101", 2), int("z", 36))  # expect: 0 12 -31 5 35
print(round(3.14159, 2), round(-2.5), round(0.125, 2), round(1e15))  # expect: 3.14 -2 0.12 1000000000000000
-0.0  # expect: -0.0
# %%
float("abc")  # expect-error: ValueError: could not convert string to float: 'abc'
# %%
int("12a")  # expect-error: ValueError: invalid literal for int() with base 10: '12a'
