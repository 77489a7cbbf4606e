"""The command-line kit both programs use: argparse in Spanish, the shared options, where the
output goes (and the files refused), the console and the progress bar."""
