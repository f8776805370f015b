//! The heat-map: ISO/IEC 27001 areas (clauses, Annex A themes or domains) against ISO/IEC
//! 20000-1 processes, each cell shaded by the strongest overlap of the rows that meet there.

use super::area::Area;
use super::area::{iso20000_process, iso20000_process_id, iso27001_area, iso27001_area_id};
use super::model::{HeatCell, Heatmap, MatrixRow};
use crate::assessment::Editions;
use crate::catalog::Catalog;

pub fn build(catalog: &Catalog, editions: Editions, rows: &[MatrixRow]) -> Heatmap {
    let s27 = catalog.standard(editions.iso27001);
    let s20 = catalog.standard(editions.iso20000);
    // Axes list every area of the edition, in document order, so the grid reads like the
    // standards' tables of contents. Each is found once per top-level node, and rows are placed
    // by area id, so a rebuild formats no labels per reference.
    let mut axis_rows: Vec<Area> = Vec::new();
    for node in s27.nodes.iter().filter(|n| n.parent.is_none()) {
        axis_rows.push(iso27001_area(s27, &node.reference));
    }
    let mut columns: Vec<Area> = Vec::new();
    for node in s20.leaves() {
        let area = iso20000_process(s20, &node.reference);
        if columns.last() != Some(&area) && !columns.contains(&area) {
            columns.push(area);
        }
    }
    let mut cells: Vec<HeatCell> = Vec::new();
    for row in rows
        .iter()
        .filter(|r| !r.iso27001.is_empty() && !r.iso20000.is_empty())
    {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for r27 in &row.iso27001 {
            let a = iso27001_area_id(s27, &r27.reference)
                .and_then(|id| axis_rows.iter().position(|a| a.id == id));
            for r20 in &row.iso20000 {
                let b = iso20000_process_id(s20, &r20.reference)
                    .and_then(|id| columns.iter().position(|c| c.id == id));
                if let (Some(a), Some(b)) = (a, b) {
                    if !pairs.contains(&(a, b)) {
                        pairs.push((a, b));
                    }
                }
            }
        }
        for (a, b) in pairs {
            match cells.iter_mut().find(|c| c.row == a && c.column == b) {
                Some(cell) => {
                    cell.strength = cell.strength.max(row.strength);
                    cell.rows.push(row.id.clone());
                }
                None => cells.push(HeatCell {
                    row: a,
                    column: b,
                    strength: row.strength,
                    rows: vec![row.id.clone()],
                }),
            }
        }
    }
    cells.sort_by_key(|c| (c.row, c.column));
    Heatmap {
        rows: axis_rows,
        columns,
        cells,
    }
}
