//! The native half of the Python package `mtqe` (`mtqe._native`). It takes a table through the
//! Arrow C data interface, without copying it through Python objects, and runs the mtqe library's
//! own scoring pipeline on it with the GIL released. The Python half (`mtqe/__init__.py`) reads
//! the tables the run writes.

use mtqe::embedded::{ConfigSource, EmbeddedError, TableRun};
use mtqe::read::MemoryTable;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods, PyDict};
use std::ffi::CStr;
use std::path::PathBuf;
use std::sync::Arc;

pyo3::create_exception!(
    _native,
    RejectedRowError,
    PyValueError,
    "A row could not be scored and `strict=True` was given. The message names the row and why."
);

const STREAM: &CStr = c"arrow_array_stream";
const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";

/// Reads the table behind an Arrow PyCapsule: a stream (`__arrow_c_stream__`) or a schema and
/// array pair (`__arrow_c_array__`). The capsules are consumed.
fn memory_table(
    stream: Option<&Bound<'_, PyCapsule>>,
    array: Option<(&Bound<'_, PyCapsule>, &Bound<'_, PyCapsule>)>,
    name: &str,
) -> PyResult<MemoryTable> {
    let table = match (stream, array) {
        (Some(stream), None) => {
            let pointer = stream.pointer_checked(Some(STREAM))?;
            // SAFETY: a capsule named "arrow_array_stream" holds an ArrowArrayStream, which the
            // PyCapsule interface lets its consumer move out.
            unsafe { MemoryTable::from_c_stream(pointer.as_ptr(), name) }
        }
        (None, Some((schema, array))) => {
            let schema = schema.pointer_checked(Some(SCHEMA))?;
            let array = array.pointer_checked(Some(ARRAY))?;
            // SAFETY: capsules so named hold an ArrowSchema and an ArrowArray of that schema.
            unsafe { MemoryTable::from_c_array(schema.as_ptr(), array.as_ptr(), name) }
        }
        _ => return Err(PyValueError::new_err("give either an Arrow stream capsule or a schema and array capsule")),
    };
    table.map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Scores a table handed over as Arrow PyCapsules and writes the run's tables, rejects and
/// manifest into `out_dir`, exactly as `mtqe score --out out_dir` would.
#[pyfunction]
#[pyo3(signature = (
    out_dir, *, stream=None, schema=None, array=None, name="data", id="id", text="text",
    source=None, source_lang="de", config_path=None, config_toml=None, weights=None,
    language_model=false, threads=None, strict=false, keep_text=false
))]
#[allow(clippy::too_many_arguments)]
fn score_arrow(
    py: Python<'_>,
    out_dir: PathBuf,
    stream: Option<Bound<'_, PyCapsule>>,
    schema: Option<Bound<'_, PyCapsule>>,
    array: Option<Bound<'_, PyCapsule>>,
    name: &str,
    id: &str,
    text: &str,
    source: Option<String>,
    source_lang: &str,
    config_path: Option<PathBuf>,
    config_toml: Option<String>,
    weights: Option<PathBuf>,
    language_model: bool,
    threads: Option<usize>,
    strict: bool,
    keep_text: bool,
) -> PyResult<()> {
    let pair = match (&schema, &array) {
        (Some(schema), Some(array)) => Some((schema, array)),
        (None, None) => None,
        _ => return Err(PyValueError::new_err("an Arrow array capsule needs its schema capsule")),
    };
    let table = memory_table(stream.as_ref(), pair, name)?;
    let config = match (config_path, config_toml) {
        (Some(path), None) => ConfigSource::File(path),
        (None, Some(toml)) => ConfigSource::Toml(toml),
        (None, None) => ConfigSource::Default,
        (Some(_), Some(_)) => {
            return Err(PyValueError::new_err("give the configuration as a file or as settings, not both"))
        }
    };
    let run = TableRun {
        table: Arc::new(table),
        name: name.to_owned(),
        id_column: id.to_owned(),
        text_column: text.to_owned(),
        source_column: source,
        source_lang: source_lang.to_owned(),
        config,
        weights,
        language_model,
        threads,
        strict,
        keep_text,
        out_dir,
    };
    // Scoring runs on mtqe's own worker threads; other Python threads go on meanwhile.
    py.detach(move || mtqe::embedded::score_table(run)).map_err(|error| match error {
        EmbeddedError::MissingColumn { .. } | EmbeddedError::Setting(_) => PyValueError::new_err(error.to_string()),
        EmbeddedError::Strict(message) => RejectedRowError::new_err(message),
        EmbeddedError::Run(_) => PyRuntimeError::new_err(error.to_string()),
    })?;
    Ok(())
}

/// Every detector: id, MQM category, default severity, version and a one-sentence summary.
#[pyfunction]
fn detectors(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    mtqe::detectors::catalogue()
        .into_iter()
        .map(|info| {
            let row = PyDict::new(py);
            row.set_item("id", info.id)?;
            row.set_item("category", info.category.as_str())?;
            row.set_item("severity", info.default_severity.as_str())?;
            row.set_item("version", info.version)?;
            row.set_item("summary", mtqe::detectors::summary(info.doc))?;
            Ok(row)
        })
        .collect()
}

/// A detector's whole documentation, as Markdown.
#[pyfunction]
fn detector_doc(id: &str) -> PyResult<String> {
    let catalogue = mtqe::detectors::catalogue();
    match catalogue.iter().find(|d| d.id == id) {
        Some(info) => Ok(mtqe::detectors::module_doc(info.doc)),
        None => {
            let known: Vec<&str> = catalogue.iter().map(|d| d.id).collect();
            Err(PyValueError::new_err(format!("no detector named '{id}'; known detectors: {}", known.join(", "))))
        }
    }
}

/// Converts settings given as JSON (from a Python dict) to the TOML of a config file.
#[pyfunction]
fn config_toml_from_json(json: &str) -> PyResult<String> {
    let value: toml::Value =
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(format!("invalid config: {e}")))?;
    toml::to_string(&value).map_err(|e| PyValueError::new_err(format!("invalid config: {e}")))
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("RejectedRowError", module.py().get_type::<RejectedRowError>())?;
    module.add_function(wrap_pyfunction!(score_arrow, module)?)?;
    module.add_function(wrap_pyfunction!(detectors, module)?)?;
    module.add_function(wrap_pyfunction!(detector_doc, module)?)?;
    module.add_function(wrap_pyfunction!(config_toml_from_json, module)?)?;
    Ok(())
}
