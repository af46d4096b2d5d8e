"""Executes every notebook in this folder from top to bottom and fails on the first error.

    python run_notebooks.py [--render DIR]

With --render, executed copies (outputs and figures included) are written to DIR, and figures
are also saved there as PNG files. The committed notebooks are never modified.
"""
import argparse
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

here = Path(__file__).resolve().parent
parser = argparse.ArgumentParser()
parser.add_argument("--render", type=Path, help="write executed copies and PNG figures here")
args = parser.parse_args()
if args.render:
    args.render.mkdir(parents=True, exist_ok=True)
    os.environ["MTQE_FIGURES"] = str(args.render.resolve())

for path in sorted(here.glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(here)}})
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"FAILED: {path.name}\n{error}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {path.name}")
    if args.render:
        nbformat.write(notebook, args.render / path.name)
