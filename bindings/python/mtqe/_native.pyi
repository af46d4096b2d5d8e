"""Type stubs of mtqe's native module (Rust, PyO3). Use the functions of `mtqe` instead."""

import os
from typing import Any, Dict, List, Optional, Union

__version__: str

class RejectedRowError(ValueError):
    """A row could not be scored and `strict=True` was given. The message names the row and why."""

def score_arrow(
    out_dir: Union[str, os.PathLike],
    *,
    stream: Optional[Any] = None,
    schema: Optional[Any] = None,
    array: Optional[Any] = None,
    name: str = "data",
    id: str = "id",
    text: str = "text",
    source: Optional[str] = None,
    source_lang: str = "de",
    config_path: Optional[Union[str, os.PathLike]] = None,
    config_toml: Optional[str] = None,
    weights: Optional[Union[str, os.PathLike]] = None,
    language_model: bool = False,
    threads: Optional[int] = None,
    strict: bool = False,
    keep_text: bool = False,
) -> None:
    """Scores a table given as Arrow PyCapsules (`stream`, or `schema` and `array`) and writes
    the run's tables, rejects and manifest into `out_dir`, as `mtqe score --out out_dir`."""

def detectors() -> List[Dict[str, Any]]:
    """Every detector: id, category, severity, version, summary."""

def detector_doc(id: str) -> str:
    """A detector's whole documentation, as Markdown."""

def config_toml_from_json(json: str) -> str:
    """Settings given as JSON, as the TOML of a config file."""
