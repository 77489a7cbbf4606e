"""argparse speaking Spanish, for every command of both tools."""

from __future__ import annotations

import argparse

_SPANISH = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y sale",
    "show program's version number and exit": "muestra la versión y sale",
    "the following arguments are required: %s": "faltan argumentos obligatorios: %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "valor no válido: %(value)r (elija entre %(choices)s)",
    "expected one argument": "falta el valor",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "opción ambigua: %(option)s puede ser %(matches)s",
    "not allowed with argument %s": "no se permite junto con %s",
}
# argparse looks its messages up through the module-level gettext alias at call time
argparse._ = lambda message: _SPANISH.get(message, message)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        """One line, not the whole usage block: what is wrong and where the help is."""
        self.exit(2, f"{self.prog}: error: {message} (ayuda: {self.prog} --help)\n")
