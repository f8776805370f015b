//! The writer against the reference it replaced: the same workbook written through both, every
//! part compared byte for byte. It holds every feature our sheets use, with texts that need
//! escaping, so a difference in any of them fails here rather than in a spreadsheet program.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::{
    Chart, Color, ConditionalFormatCell, DataValidation, DocProperties, ExcelDate, Format,
    FormatAlign, FormatBorder, FormatUnderline, Formula, Workbook,
};
use rust_xlsxwriter as reference;

const HOSTILE: &str = "a <b> & \"c\" _x0041_ 'd'\r\nline\ttab\u{7}";

fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_owned(), text)
        })
        .collect()
}

fn ours() -> Vec<u8> {
    our_book().save_to_buffer().unwrap()
}

/// Every feature, through our writer's API.
fn our_book() -> Workbook {
    let default = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_font_size(10)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::Rgb(0x1F4E8C))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::Rgb(0xD5DBE5));
    let big = Format::new()
        .set_bold()
        .set_font_size(20)
        .set_align(FormatAlign::Left);
    let date = default.clone().set_num_format("dd.mm.yyyy");
    let link = default
        .clone()
        .set_font_color(Color::Rgb(0x1F4E8C))
        .set_underline(FormatUnderline::Single);
    let fill = Format::new()
        .set_background_color(Color::Rgb(0xFEE2E2))
        .set_font_color(Color::Rgb(0x7F1D1D));
    let mut book = Workbook::new(default.clone());
    let first = book.add_worksheet();
    first.set_name("Sum & mary").unwrap();
    first.set_column_width(0, 30.0).unwrap();
    first.set_column_width(1, 0.5).unwrap();
    first.set_landscape();
    first.set_print_fit_to_pages();
    first.write_string_with_format(0, 0, "Title", &big).unwrap();
    first.write_string_with_format(1, 0, "", &header).unwrap();
    first.write_string_with_format(1, 1, "", &default).unwrap();
    first.write_string(1, 2, "").unwrap();
    first.write_string(2, 0, HOSTILE).unwrap();
    first.write_string(2, 1, " padded ").unwrap();
    first
        .write_number_with_format(3, 1, 0.625, &header)
        .unwrap();
    first.write_string(4, 0, "Open").unwrap();
    first.write_string(5, 0, "Closed").unwrap();
    let formula = Formula::new("=COUNTIF(Other!$B$2:$B$40,\"Open\")").set_result("7");
    first
        .write_formula_with_format(4, 1, formula, &big)
        .unwrap();
    first.set_row_height(6, 57.75).unwrap();
    first
        .write_link_with_format(7, 0, "'Other'!A1".to_owned(), "Other & more", &link)
        .unwrap();
    first
        .add_conditional_format(
            4,
            0,
            5,
            0,
            &ConditionalFormatCell::equal_to("\"Open\"".to_owned(), fill.clone()),
        )
        .unwrap();
    first
        .insert_chart(
            1,
            3,
            Chart::bars("By <status>", "Rows", "Sum & mary", (4, 5), (0, 1)),
        )
        .unwrap();
    let second = book.add_worksheet();
    second.set_name("Other").unwrap();
    second.set_tab_color(Color::Rgb(0x1F4E8C));
    for col in 0..4 {
        second
            .write_string_with_format(0, col, format!("Head {col}"), &header)
            .unwrap();
        second
            .set_column_width(col, if col < 3 { 12.0 } else { 40.0 })
            .unwrap();
    }
    second.set_column_format(2, &date).unwrap();
    second.set_row_height(0, 42.75).unwrap();
    second.set_freeze_panes(1, 0).unwrap();
    second.set_repeat_rows(0, 0).unwrap();
    second.set_landscape();
    second.set_print_fit_to_pages();
    second.set_header("&L&\"-,Bold\"&A&Rbrand & co");
    second.set_footer("&LPage &P of &N&R&D".to_owned());
    for row in 1..40 {
        second
            .write_string(row, 0, format!("row {}", row % 7))
            .unwrap();
        second.write_number(row, 1, f64::from(row) / 4.0).unwrap();
        let day = crate::date::Date::parse("2026-12-05")
            .unwrap()
            .add_days(i64::from(row));
        second.write_datetime(row, 2, &ExcelDate::new(day)).unwrap();
        if row == 20 {
            second.write_string(row, 17, "far").unwrap();
        }
    }
    second.autofilter(0, 0, 39, 3).unwrap();
    let list = DataValidation::new()
        .allow_list_strings(&["Open", "Closed \"x\""])
        .unwrap()
        .set_error_title("Status")
        .unwrap()
        .set_error_message("Choose one of: Open, Closed & <x>.".to_owned())
        .unwrap();
    second.add_data_validation(1, 0, 39, 0, &list).unwrap();
    let hidden = book.add_worksheet();
    hidden.set_name("data").unwrap();
    hidden.set_very_hidden(true);
    hidden.write_string(0, 0, "{\"json\": true}").unwrap();
    let date = crate::date::Date::parse("2026-12-05").unwrap();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Title {HOSTILE}"))
            .set_subject("Subject")
            .set_author("Brand & Co")
            .set_company("Brand & Co")
            .set_keywords("a, b")
            .set_comment("Made _x0041_")
            .set_category("Org")
            .set_creation_date(ExcelDate::new(date)),
    );
    book
}

fn theirs() -> Vec<u8> {
    use reference::{
        Color, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, DocProperties,
        ExcelDateTime, Format, FormatAlign, FormatBorder, FormatUnderline, Formula, Url, Workbook,
    };
    let default = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_font_size(10)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0x1F4E8C))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xD5DBE5));
    let big = Format::new()
        .set_bold()
        .set_font_size(20)
        .set_align(FormatAlign::Left);
    let date = default.clone().set_num_format("dd.mm.yyyy");
    let link = default
        .clone()
        .set_font_color(Color::RGB(0x1F4E8C))
        .set_underline(FormatUnderline::Single);
    let fill = Format::new()
        .set_background_color(Color::RGB(0xFEE2E2))
        .set_font_color(Color::RGB(0x7F1D1D));
    let mut book = Workbook::new();
    book.set_default_format(&default, 20, 64).unwrap();
    let first = book.add_worksheet();
    first.set_name("Sum & mary").unwrap();
    first.set_column_width(0, 30.0).unwrap();
    first.set_column_width(1, 0.5).unwrap();
    first.set_landscape();
    first.set_print_fit_to_pages(1, 0);
    first.write_string_with_format(0, 0, "Title", &big).unwrap();
    first.write_string_with_format(1, 0, "", &header).unwrap();
    first.write_string_with_format(1, 1, "", &default).unwrap();
    first.write_string(1, 2, "").unwrap();
    first.write_string(2, 0, HOSTILE).unwrap();
    first.write_string(2, 1, " padded ").unwrap();
    first
        .write_number_with_format(3, 1, 0.625, &header)
        .unwrap();
    first.write_string(4, 0, "Open").unwrap();
    first.write_string(5, 0, "Closed").unwrap();
    let formula = Formula::new("=COUNTIF(Other!$B$2:$B$40,\"Open\")").set_result("7");
    first
        .write_formula_with_format(4, 1, formula, &big)
        .unwrap();
    first.set_row_height(6, 57.75).unwrap();
    first
        .write_url_with_format(
            7,
            0,
            Url::new("internal:'Other'!A1").set_text("Other & more"),
            &link,
        )
        .unwrap();
    let rule = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::EqualTo("\"Open\"".to_owned()))
        .set_format(fill);
    first.add_conditional_format(4, 0, 5, 0, &rule).unwrap();
    let mut chart = reference::Chart::new(reference::ChartType::Bar);
    chart
        .add_series()
        .set_name("Rows")
        .set_categories(("Sum & mary", 4, 0, 5, 0))
        .set_values(("Sum & mary", 4, 1, 5, 1));
    chart.title().set_name("By <status>");
    chart.legend().set_hidden();
    first.insert_chart(1, 3, &chart).unwrap();
    let second = book.add_worksheet();
    second.set_name("Other").unwrap();
    second.set_tab_color(Color::RGB(0x1F4E8C));
    for col in 0..4 {
        second
            .write_string_with_format(0, col, format!("Head {col}"), &header)
            .unwrap();
        second
            .set_column_width(col, if col < 3 { 12.0 } else { 40.0 })
            .unwrap();
    }
    second.set_column_format(2, &date).unwrap();
    second.set_row_height(0, 42.75).unwrap();
    second.set_freeze_panes(1, 0).unwrap();
    second.set_repeat_rows(0, 0).unwrap();
    second.set_landscape();
    second.set_print_fit_to_pages(1, 0);
    second.set_header("&L&\"-,Bold\"&A&Rbrand & co");
    second.set_footer("&LPage &P of &N&R&D");
    for row in 1..40u32 {
        second
            .write_string(row, 0, format!("row {}", row % 7))
            .unwrap();
        second.write_number(row, 1, f64::from(row) / 4.0).unwrap();
        let day = crate::date::Date::parse("2026-12-05")
            .unwrap()
            .add_days(i64::from(row));
        let (y, m, d) = day.parts();
        second
            .write_datetime(row, 2, ExcelDateTime::from_ymd(y, m, d).unwrap())
            .unwrap();
        if row == 20 {
            second.write_string(row, 17, "far").unwrap();
        }
    }
    second.autofilter(0, 0, 39, 3).unwrap();
    let list = DataValidation::new()
        .allow_list_strings(&["Open", "Closed \"x\""])
        .unwrap()
        .set_error_title("Status")
        .unwrap()
        .set_error_message("Choose one of: Open, Closed & <x>.")
        .unwrap();
    second.add_data_validation(1, 0, 39, 0, &list).unwrap();
    let hidden = book.add_worksheet();
    hidden.set_name("data").unwrap();
    hidden.set_very_hidden(true);
    hidden.write_string(0, 0, "{\"json\": true}").unwrap();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Title {HOSTILE}"))
            .set_subject("Subject")
            .set_author("Brand & Co")
            .set_company("Brand & Co")
            .set_keywords("a, b")
            .set_comment("Made _x0041_")
            .set_category("Org")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 12, 5).unwrap()),
    );
    book.save_to_buffer().unwrap()
}

#[test]
fn every_part_is_what_rust_xlsxwriter_writes_for_the_same_workbook() {
    let (ours, theirs) = (parts(&ours()), parts(&theirs()));
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>(),
        "the same parts"
    );
    for (name, text) in &theirs {
        assert_eq!(&ours[name], text, "{name}");
    }
}

#[test]
fn what_excel_refuses_is_an_error() {
    let mut book = Workbook::new(Format::new());
    let sheet = book.add_worksheet();
    assert!(sheet.set_name("a/b").is_err());
    assert!(sheet.set_name(&"x".repeat(32)).is_err());
    assert!(sheet.set_name("'quoted'").is_err());
    assert!(sheet.write_number(0, 0, f64::NAN).is_err());
    assert!(sheet.write_string(1_048_576, 0, "x").is_err());
    assert!(sheet.write_string(0, 0, "x".repeat(32_768)).is_err());
    assert!(DataValidation::new()
        .allow_list_strings(&[&"x".repeat(256)])
        .is_err());
    assert!(DataValidation::new()
        .set_error_title(&"x".repeat(33))
        .is_err());
    book.add_worksheet().set_name("Sheet1").unwrap();
    assert!(book.save_to_buffer().is_err(), "two sheets named Sheet1");
}

#[test]
fn a_workbook_sent_as_bytes_writes_the_same_file() {
    let book = our_book();
    let bytes = book.to_bytes();
    let received = Workbook::from_bytes(&bytes).unwrap();
    assert_eq!(
        received.save_to_buffer().unwrap(),
        book.save_to_buffer().unwrap()
    );
    // And the same bytes again: nothing is lost or reordered on the way.
    assert_eq!(received.to_bytes(), bytes);
    // A text written after it came keeps the number it already had.
    let mut received = received;
    let first = received.strings.borrow().text(0).to_owned();
    let count = received.strings.borrow().len();
    assert_eq!(received.strings.borrow_mut().intern(&first), 0);
    assert_eq!(received.strings.borrow_mut().intern("new"), count as u32);
    received.sheets[0].write_string(900, 0, &first).unwrap();
    assert_eq!(received.strings.borrow().len(), count + 1);
}

#[test]
fn bytes_that_refer_to_what_they_do_not_hold_are_refused() {
    // A cell whose text is not in the workbook's texts.
    let book = our_book();
    *book.strings.borrow_mut() = super::strings::StringTable::default();
    let error = Workbook::from_bytes(&book.to_bytes()).err().unwrap();
    assert!(error.to_string().contains("text is missing"), "{error}");
    // A cell whose format the sheet does not hold.
    let mut book = our_book();
    book.sheets[0].formats.clear();
    let error = Workbook::from_bytes(&book.to_bytes()).err().unwrap();
    assert!(error.to_string().contains("format is missing"), "{error}");
    // Another version's bytes.
    let mut bytes = our_book().to_bytes();
    bytes[4] = 2;
    let error = Workbook::from_bytes(&bytes).err().unwrap();
    assert!(
        error.to_string().contains("not a workbook laid out"),
        "{error}"
    );
}
