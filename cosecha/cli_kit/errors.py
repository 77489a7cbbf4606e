"""How a command ends on a problem a person can act on: one Spanish line on standard error and
exit 2, never a traceback. Both programs run their commands through `guarded`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from datos import StoreError

from ..errors import CosechaError
from ..security import visible
from .options import store_path


def guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace,
            also: tuple[type[Exception], ...] = ()) -> int:
    """`run(args)`, ended with exit 2 and one line by a store that cannot be used ("error:
    RUTA: por qué"), a `CosechaError` or one of the program's own errors (`also`)."""
    try:
        return run(args)
    except StoreError as problem:
        print(f"error: {store_path(args)}: {problem}", file=sys.stderr)
    except (CosechaError, *also) as problem:
        print(f"error: {visible(str(problem))}", file=sys.stderr)
    return 2
