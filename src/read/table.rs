//! A table handed over in memory through the Arrow C data interface, as the Python package does
//! with a DataFrame. It is read in chunks of rows exactly like a Parquet file (`read::parquet`),
//! with the same rules for the id, text and source columns and for carried columns.
//!
//! One of the modules that touch polars (see the crate documentation).

use super::ColumnKind;
use crate::error::InputError;
use polars::prelude::*;
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::ArrowDataType;
use polars_arrow::ffi;
use std::collections::HashMap;
use std::path::PathBuf;

/// A table in memory: its columns, with the rows of every handed-over batch.
#[derive(Clone)]
pub struct MemoryTable {
    pub(crate) frame: DataFrame,
}

impl std::fmt::Debug for MemoryTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MemoryTable({} rows, columns {:?})", self.frame.height(), self.column_names())
    }
}

impl MemoryTable {
    /// Takes over an Arrow C stream of record batches (the pointer inside an
    /// `arrow_array_stream` PyCapsule) and reads it to its end. The stream is released here.
    ///
    /// # Safety
    /// `stream` points to a valid `ArrowArrayStream` that nothing else releases: this moves it
    /// out and leaves a released, empty stream in its place.
    pub unsafe fn from_c_stream(stream: *mut std::ffi::c_void, name: &str) -> Result<Self, InputError> {
        let error = |message: String| InputError::Read { path: PathBuf::from(name), message };
        // SAFETY: the caller guarantees a valid stream; the empty one left behind has no
        // release callback, so its owner's destructor does nothing.
        let owned = unsafe { std::ptr::replace(stream as *mut ffi::ArrowArrayStream, ffi::ArrowArrayStream::empty()) };
        // SAFETY: a valid C stream, as above.
        let mut reader = unsafe { ffi::ArrowArrayStreamReader::try_new(Box::new(owned)) }
            .map_err(|e| error(format!("not a readable Arrow stream: {e}")))?;
        let fields = struct_fields(reader.field().dtype()).ok_or_else(|| {
            error(format!("the Arrow stream holds {:?}, not a table of named columns", reader.field().dtype()))
        })?;
        let mut batches = Vec::new();
        // SAFETY: the stream's arrays follow the C data interface, as its producer promises.
        while let Some(array) = unsafe { reader.next() } {
            batches.push(array.map_err(|e| error(e.to_string()))?);
        }
        Self::from_struct_batches(&fields, batches).map_err(error)
    }

    /// Takes over one Arrow C array and its schema (the pointers inside the `arrow_schema` and
    /// `arrow_array` PyCapsules of a record batch).
    ///
    /// # Safety
    /// `schema` and `array` point to a valid `ArrowSchema` and `ArrowArray` of the same type that
    /// nothing else releases: the array is moved out and a released one left in its place.
    pub unsafe fn from_c_array(
        schema: *const std::ffi::c_void,
        array: *mut std::ffi::c_void,
        name: &str,
    ) -> Result<Self, InputError> {
        let error = |message: String| InputError::Read { path: PathBuf::from(name), message };
        // SAFETY: the caller guarantees a valid schema.
        let field = unsafe { ffi::import_field_from_c(&*(schema as *const ffi::ArrowSchema)) }
            .map_err(|e| error(format!("not a readable Arrow schema: {e}")))?;
        // SAFETY: as above; the empty array left behind has no release callback.
        let owned = unsafe { std::ptr::replace(array as *mut ffi::ArrowArray, ffi::ArrowArray::empty()) };
        // SAFETY: a valid array of the schema's type.
        let imported = unsafe { ffi::import_array_from_c(owned, field.dtype().clone()) }
            .map_err(|e| error(format!("not a readable Arrow array: {e}")))?;
        let fields = struct_fields(field.dtype())
            .ok_or_else(|| error(format!("the Arrow array holds {:?}, not a table of named columns", field.dtype())))?;
        Self::from_struct_batches(&fields, vec![imported]).map_err(error)
    }

    /// Builds the table from record batches, each a struct array with one child per column.
    fn from_struct_batches(fields: &[(String, ArrowDataType)], batches: Vec<Box<dyn Array>>) -> Result<Self, String> {
        let mut duplicates = HashMap::new();
        for (name, _) in fields {
            *duplicates.entry(name.as_str()).or_insert(0) += 1;
        }
        if let Some((name, _)) = duplicates.iter().find(|(_, count)| **count > 1) {
            return Err(format!("the column '{name}' appears twice"));
        }
        let mut chunks: Vec<Vec<Box<dyn Array>>> = vec![Vec::with_capacity(batches.len()); fields.len()];
        for batch in batches {
            let batch = batch
                .as_any()
                .downcast_ref::<StructArray>()
                .ok_or_else(|| "a record batch of the Arrow stream is not a struct array".to_string())?;
            // A null record batch row has no meaning for a table; its children carry the values.
            for (column, values) in chunks.iter_mut().zip(batch.values()) {
                column.push(values.clone());
            }
        }
        let mut columns = Vec::with_capacity(fields.len());
        for ((name, dtype), arrays) in fields.iter().zip(chunks) {
            let series = if arrays.is_empty() {
                Series::new_empty(name.as_str().into(), &DataType::from_arrow_dtype(dtype))
            } else {
                Series::try_from((PlSmallStr::from(name.as_str()), arrays))
                    .map_err(|e| format!("the column '{name}' cannot be read: {e}"))?
            };
            columns.push(series.into_column());
        }
        let frame = DataFrame::new_infer_height(columns).map_err(|e| e.to_string())?;
        Ok(MemoryTable { frame })
    }

    pub fn rows(&self) -> usize {
        self.frame.height()
    }

    pub fn column_names(&self) -> Vec<String> {
        self.frame.get_column_names().into_iter().map(|n| n.to_string()).collect()
    }

    /// The columns with the kind each is carried as: text columns as text, every other one in
    /// its own type, as for a Parquet file.
    pub fn columns(&self) -> Vec<(String, ColumnKind)> {
        self.frame
            .columns()
            .iter()
            .map(|column| {
                let kind = if column.dtype() == &DataType::String {
                    ColumnKind::Text
                } else {
                    ColumnKind::Typed(super::TypedKind(column.dtype().clone()))
                };
                (column.name().to_string(), kind)
            })
            .collect()
    }

    /// Bytes of text in a text column, for progress and throughput; 0 for any other column.
    pub fn text_bytes(&self, column: &str) -> u64 {
        self.frame
            .column(column)
            .ok()
            .and_then(|c| c.str().ok().map(|s| s.iter().map(|v| v.map_or(0, str::len) as u64).sum()))
            .unwrap_or(0)
    }

    /// Rows `offset..offset + length`, sharing the table's buffers.
    pub(crate) fn slice(&self, offset: usize, length: usize) -> DataFrame {
        self.frame.slice(offset as i64, length)
    }
}

/// The names and types of a record batch's columns.
fn struct_fields(dtype: &ArrowDataType) -> Option<Vec<(String, ArrowDataType)>> {
    match dtype.to_storage() {
        ArrowDataType::Struct(fields) => Some(fields.iter().map(|f| (f.name.to_string(), f.dtype().clone())).collect()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars_arrow::array::Utf8ViewArray;
    use polars_arrow::datatypes::Field;

    /// Hands a record batch over through the C data interface, as a Python caller would.
    fn handed_over(columns: &[(&str, Vec<Option<&str>>)]) -> Result<MemoryTable, InputError> {
        let fields: Vec<Field> =
            columns.iter().map(|(name, _)| Field::new((*name).into(), ArrowDataType::Utf8View, true)).collect();
        let values: Vec<Box<dyn Array>> =
            columns.iter().map(|(_, values)| Utf8ViewArray::from_slice(values).boxed()).collect();
        let length = columns.first().map_or(0, |(_, v)| v.len());
        let batch = StructArray::new(ArrowDataType::Struct(fields), length, values, None);
        let schema = ffi::export_field_to_c(&Field::new("".into(), batch.dtype().clone(), false));
        let mut array = ffi::export_array_to_c(batch.boxed());
        // SAFETY: both were just exported, and `array` is moved out by the call.
        unsafe { MemoryTable::from_c_array(&schema as *const _ as *const _, &mut array as *mut _ as *mut _, "batch") }
    }

    #[test]
    fn a_record_batch_becomes_a_table_of_its_columns() {
        let table = handed_over(&[("id", vec![Some("a"), Some("b")]), ("text", vec![Some("One."), None])]).unwrap();
        assert_eq!(table.rows(), 2);
        assert_eq!(table.column_names(), ["id", "text"]);
        assert!(table.columns().iter().all(|(_, kind)| *kind == ColumnKind::Text));
        assert_eq!(table.text_bytes("text"), 4);
        assert_eq!(table.slice(1, 1).height(), 1);
    }

    #[test]
    fn a_column_named_twice_is_refused_by_name() {
        let error = handed_over(&[("text", vec![Some("a")]), ("text", vec![Some("b")])]).unwrap_err();
        assert!(error.to_string().contains("'text' appears twice"), "{error}");
    }

    #[test]
    fn an_array_that_is_not_a_table_is_refused() {
        let values = Utf8ViewArray::from_slice([Some("a")]);
        let schema = ffi::export_field_to_c(&Field::new("".into(), values.dtype().clone(), false));
        let mut array = ffi::export_array_to_c(values.boxed());
        // SAFETY: as above.
        let error = unsafe {
            MemoryTable::from_c_array(&schema as *const _ as *const _, &mut array as *mut _ as *mut _, "batch")
        }
        .unwrap_err();
        assert!(error.to_string().contains("not a table of named columns"), "{error}");
    }
}
