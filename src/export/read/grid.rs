//! One sheet's cells as a grid, bounded. A spreadsheet program keeps only the cells in use, but
//! a grid spans every row and column up to the farthest one: a stray value in the last cell of a
//! sheet (XFD1048576) would ask for 16,384 columns by a million rows of memory and end the
//! reader. Cells beyond the bounds, far beyond any sheet of ours, are counted and not read.

use std::io::{Read, Seek};

use calamine::{Cell, Data, Dimensions, Range, Reader, Sheets};

/// Rows and columns read: our sheets have a few hundred rows and about 30 columns; a grid of
/// this size is at most about 130 MB.
pub const MAX_ROWS: u32 = 65_536;
pub const MAX_COLUMNS: u32 = 64;

/// A sheet's cells within the bounds.
pub struct Grid {
    pub range: Range<Data>,
    /// Cells with a value beyond the bounds, and the first of them (row, column).
    pub far: usize,
    pub first_far: Option<(u32, u32)>,
}

/// Reads sheet `name`. An .xlsx sheet is read cell by cell, so cells beyond the bounds never
/// take memory; an .ods workbook is parsed whole when it is opened, so its sheets are cut.
///
/// # Errors
/// What the spreadsheet parser says about a sheet it cannot read.
pub fn read_sheet<RS: Read + Seek>(book: &mut Sheets<RS>, name: &str) -> Result<Grid, String> {
    let mut grid = Grid {
        range: Range::empty(),
        far: 0,
        first_far: None,
    };
    let mut cells = Vec::new();
    let mut keep = |grid: &mut Grid, position: (u32, u32), value: Data| {
        if position.0 < MAX_ROWS && position.1 < MAX_COLUMNS {
            cells.push(Cell::new(position, value));
        } else if value != Data::Empty {
            grid.far += 1;
            grid.first_far.get_or_insert(position);
        }
    };
    let mut merged = Vec::new();
    if let Sheets::Xlsx(xlsx) = book {
        {
            let mut reader = xlsx
                .worksheet_cells_reader(name)
                .map_err(|e| e.to_string())?;
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                keep(
                    &mut grid,
                    cell.get_position(),
                    Data::from(cell.get_value().clone()),
                );
            }
        }
        // A sheet whose merges cannot be read is still read cell by cell.
        if let Some(Ok(regions)) = xlsx.worksheet_merge_cells(name) {
            merged = regions;
        }
    } else {
        let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
        if range
            .end()
            .is_none_or(|(row, col)| row < MAX_ROWS && col < MAX_COLUMNS)
        {
            grid.range = range;
            return Ok(grid);
        }
        for (row, col, value) in range.used_cells() {
            let (top, left) = range.start().unwrap_or_default();
            keep(
                &mut grid,
                (top + row as u32, left + col as u32),
                value.clone(),
            );
        }
    }
    grid.range = Range::from_sparse(cells);
    fill_column_merges(&mut grid.range, &merged);
    Ok(grid)
}

/// Gives every cell of a merge within one column the value of its first cell, as the sheet
/// shows it: people merge an owner or a due date over the rows it applies to, and a spreadsheet
/// keeps the value in the first cell only, so the other rows would read as cleared. Merges over
/// several columns (titles, banners) are left as stored.
fn fill_column_merges(range: &mut Range<Data>, merged: &[Dimensions]) {
    // Rows below the last cell in use have no Row ID to apply a value to; filling them would
    // also grow the grid one row at a time.
    let Some((last_row, last_col)) = range.end() else {
        return;
    };
    for region in merged {
        let ((top, col), (bottom, right)) = (region.start, region.end);
        if col != right || bottom <= top || col > last_col {
            continue;
        }
        let value = range.get_value((top, col)).cloned().unwrap_or(Data::Empty);
        for row in top + 1..=bottom.min(last_row) {
            range.set_value((row, col), value.clone());
        }
    }
}
