# Imports: unknown modules fail with Python's message.
import missing_module  # expect-error: ModuleNotFoundError: No module named 'missing_module'
# %%
from nowhere import thing  # expect-error: ModuleNotFoundError: No module named 'nowhere'
# %%
import nowhere.deeper as p  # expect-error: ModuleNotFoundError: No module named 'nowhere'
