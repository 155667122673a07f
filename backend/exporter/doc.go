// Package exporter writes contacts as CSV, XLSX or vCard 3.0 files that the
// programs users really open them with show correctly: Excel, LibreOffice,
// Google Sheets, and the contacts apps of Android and iPhone.
//
// Contacts arrive as an iterator, so an export of a million contacts never
// holds them all in memory, and the caller decides what is exported
// (everything, a group, a selection or a search result). [WriteFile] writes
// atomically: the file appears complete or not at all, and a file that was
// there before stays untouched when the export fails or is cancelled.
//
// # CSV
//
// UTF-8 with a byte order mark, CRLF line endings, comma delimiter and RFC
// 4180 quoting: without the mark Excel reads UTF-8 as the ANSI code page and
// mangles every name with an accent or an emoji. The header is
// Name,Phone,Email,Groups followed by the custom field keys of
// [Options.FieldKeys]; groups are joined with ", ".
//
// Excel turns a cell of digits into a number, which drops the leading zero of
// 0812… and shows 6281234567890 as 6.28123E+12. The phone column therefore
// never holds plain digits:
//
//   - an Indonesian number (canonical 62…) is written in national form, "0"
//     and the groups of [phone.Display] joined with "-": 0812-3456-7890,
//     021-5551234, 0274-512345. A dash, unlike a space, is never a thousands
//     separator in any locale, so no Excel reads these as numbers or dates;
//   - a foreign number, and an Indonesian one that has no national layout
//     (the international toll-free 001803…), is written in the international
//     display form with the formula guard below: '+1 415-555-2671.
//
// Every cell that starts with "=", "+", "-", "@", a tab or a carriage return
// gets a single quote in front ('=SUM(A1), '+62 name, '@home), so that a
// spreadsheet never runs it as a formula (the OWASP advice against CSV
// injection). Kontak's importer removes that quote again: it drops a leading
// "'" from a phone cell, and from any other cell when the character after it
// is "=", "+", "-", "@", a tab, a carriage return or another "'". A cell that
// itself starts with "'" and one of those characters, such as '=x, is written
// with one quote more, so an exported file imported again gives back the same
// names, groups and fields.
//
// # XLSX
//
// One sheet, "Contacts", written with excelize's StreamWriter, so memory
// stays bounded whatever the number of rows: the header row is bold, has an
// autofilter over all rows and is frozen; columns have fixed widths. Every
// cell is an inline string, so nothing is ever evaluated as a formula and no
// quote is needed; the phone cells hold the canonical digits (6281234567890)
// as text, in a column formatted as text ("@"), so Excel never shows
// 6.28E+12, not even after the user edits a cell.
//
// # vCard
//
// vCard 3.0 (RFC 2426) with CRLF line endings, one card per contact:
//
//	BEGIN:VCARD
//	VERSION:3.0
//	FN:Budi Santoso
//	N:Santoso;Budi;;;
//	TEL;TYPE=CELL:+6281234567890
//	EMAIL;TYPE=INTERNET:budi@example.com
//	CATEGORIES:Pelanggan,Arisan
//	X-KONTAK-FIELD;X-NAME=Kota:Bandung
//	END:VCARD
//
// N splits the name at its last space into given names and family name; a
// one-word name is all given name. TEL is the E.164 form with "+". Empty
// values leave their line out. Text values escape "\", ",", ";" and newlines
// as RFC 2426 says, and lines longer than 75 octets are folded with CRLF and
// a space, never inside a UTF-8 sequence.
//
// Custom fields are X-KONTAK-FIELD lines: the key is the X-NAME parameter and
// the value is escaped text. A key that holds ";", ":" or "," is put in
// double quotes, and "^", a double quote and a newline in a key are written
// as "^^", "^'" and "^n" (RFC 6868), the only way a parameter can carry them.
// Phones' contacts apps ignore these lines; Kontak's importer reads them back
// as custom fields.
package exporter
