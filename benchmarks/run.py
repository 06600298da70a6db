"""Run every benchmark under benchmarks/ (``bench_*.py``), each in its own process.

``make bench`` calls this. Options after the script name are passed to every benchmark::

    python benchmarks/run.py                    # city size
    python benchmarks/run.py --size province
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Run each benchmark with ``argv``; the exit code is the first failure's, else 0."""
    args = list(sys.argv[1:] if argv is None else argv)
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name} {' '.join(args)}", flush=True)
        code = subprocess.run([sys.executable, str(script), *args], check=False).returncode
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())
