# Integer and float arithmetic with Python's rules.
print(17 // 5, -17 // 5, 17 // -5, -17 // -5)  # expect: 3 -4 -4 3
print(17 % 5, -17 % 5, 17 % -5, -17 % -5)  # expect: 2 3 -3 -2
print(9 / 3, 1 / 4, 2 ** 8, 2 ** -2)  # expect: 3.0 0.25 256 0.25
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)  # expect: -4 4 512
print(-3.5 // 1, 3.5 % -1, 10.0 // 3)  # expect: -4.0 -0.5 3.0
print(divmod(-9, 4), divmod(9.5, 2))  # expect: (-3, 3) (4.0, 1.5)
print(7 & 3, 7 | 8, 6 ^ 3, ~5, 1 << 10, -16 >> 2)  # expect: 3 15 5 -6 1024 -4
print(True + True, True * 3, False - 1, -True)  # expect: 2 3 -1 -1
print(0x1F, 0o17, 0b101, 1_000_000)  # expect: 31 15 5 1000000
print(abs(-7), abs(-0.5), pow(3, 4), pow(3, 4, 5), pow(2, -1))  # expect: 7 0.5 81 1 0.5
print(round(0.5), round(1.5), round(-1.5), round(1234, -2), round(2.5e-3, 3))  # expect: 0 2 -2 1200 0.003
print(1 == 1.0, 1 < 1.5, 2 >= 2.0, 3 != 3.0)  # expect: True True True False
print(10 ** 18 * 9)  # expect: 9000000000000000000
# %%
10 ** 18 * 10  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
# %%
5 // 0  # expect-error: ZeroDivisionError: integer division or modulo by zero
# %%
2.0 / 0  # expect-error: ZeroDivisionError: float division by zero
# %%
0 ** -1  # expect-error: ZeroDivisionError: 0.0 cannot be raised to a negative power
# %%
x = 9223372036854775807
x + 1  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
# %%
-x - 2  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
# %%
int(float("inf"))  # expect-error: OverflowError: cannot convert float infinity to integer
# %%
int(float("nan"))  # expect-error: ValueError: cannot convert float NaN to integer
# %%
print(round(12.5, -400), round(-3.0, -309), pow(7, 2, -5), pow(2, 10, 1000))  # expect: 0.0 -0.0 -1 24
# %%
print("7".zfill(-(2 ** 62) * 2), round(-7, -1), round(15, -1))  # expect: 7 -10 20
# %%
round(9223372036854775807, -1)  # expect-error: OverflowError: integer overflow: the result does not fit in 64 bits
