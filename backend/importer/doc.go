// Package importer reads the contact files people really have and imports them.
//
// This part of the package is the readers: [Open] decides what a file is from its
// content, never its name, and works out how to read it; [Source.Records] then streams
// its contacts as [Record] values, mapped with a [Mapping] that [SuggestMapping] proposes
// and the user may change. The preview, the import run and its undo are built on top.
//
// # Formats
//
// Delimited text (CSV, TSV, TXT) in UTF-8 with or without a byte-order mark, UTF-16
// with a mark or recognisably without one, and Windows-1252 when the bytes are not valid
// UTF-8; the delimiter (",", ";", tab or "|") is the one under which the first records
// have the most consistent number of fields, with quotes respected. XLSX and XLSM
// workbooks through excelize's streaming reader, with raw cell values so that phones
// stored as numbers keep every digit. vCard 2.1, 3.0 and 4.0 through a streaming reader
// of its own (see vcard.go for why). Google Contacts and Outlook CSV exports are tables
// like any other, recognised by their headers ([Profile]).
//
// Legacy .xls, OpenDocument, Numbers, PDF, other archives and binary files are refused
// with an error that says how to save the file instead. Every error Open and Records
// return for a problem with the file is an *apperr.Error of kind Invalid with one of
// the Code… constants, so that the interface can translate it.
//
// # Tables
//
// A table's header is found below title rows, merged title cells and blank rows, and a
// table whose first row is already data (a phone number, an e-mail address) has none; its
// columns are then "Column 1", "Column 2", …. Rows are numbered as a spreadsheet shows
// them: a CSV record with a line break inside a quoted cell is one row, and blank lines
// count. Blank rows are skipped.
//
// # Limits
//
// Everything streams with bounded memory: a record longer than 1 MiB stops a CSV with
// an error instead of being read whole, a vCard property is cut at 1 MiB and photos are
// never held, and a workbook that would unpack to gigabytes (a zip bomb) is refused
// before excelize opens it.
package importer
