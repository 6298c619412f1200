# Syntax errors are reported before the cell runs (nothing is printed).
print("never runs")
x = (1,  # expect-error: SyntaxError: '(' was never closed
# %%
if True
    pass  # expect-error: SyntaxError: expected ':'
# %%
def f():
return 1  # expect-error: IndentationError: expected an indented block after function definition on line 8
# %%
print("ok")
  print("indented")  # expect-error: IndentationError: unexpected indent
# %%
if 1:
        a = 1
    b = 2  # expect-error: IndentationError: unindent does not match any outer indentation level
# %%
s = "unterminated  # expect-error: SyntaxError: unterminated string literal (detected at line 18)
# %%
f() = 3  # expect-error: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
# %%
x = ]  # expect-error: SyntaxError: unmatched ']'
# %%
print("the next cell still runs")  # expect: the next cell still runs
# %%
def lonely():
    nonlocal ghost  # expect-error: SyntaxError: no binding for nonlocal 'ghost' found
# %%
nonlocal top  # expect-error: SyntaxError: nonlocal declaration not allowed at module level
# %%
None = 1  # expect-error: SyntaxError: cannot assign to None
# %%
[x for x in y] = 2  # expect-error: SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='?
# %%
(a + b) += 1  # expect-error: SyntaxError: 'expression' is an illegal expression for augmented assignment
# %%
a, f() = 1, 2  # expect-error: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
