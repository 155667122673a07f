package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"

	"kontak/backend/apperr"
)

// Error codes of the readers. The interface translates them, so their text must never
// change; the parameters each one carries are listed beside it.
const (
	CodeFileEmpty       = "import.file.empty"
	CodeFileNoRows      = "import.file.no_rows"
	CodeFileBinary      = "import.file.binary"
	CodeFileUnsupported = "import.file.unsupported"   // format: xls, ods, numbers, pdf, zip, other
	CodeFileUnreadable  = "import.file.unreadable"    // detail
	CodeLineTooLong     = "import.file.line_too_long" // row, max
	CodeXLSXCorrupt     = "import.xlsx.corrupt"       // detail
	CodeXLSXTooLarge    = "import.xlsx.too_large"
	CodeXLSXNoSheet     = "import.xlsx.no_sheet" // sheet
	CodeVCardMalformed  = "import.vcard.malformed"
	CodeInvalidOption   = "import.options.invalid" // option, value
)

func errEmpty() error {
	return apperr.New(apperr.Invalid, CodeFileEmpty, "the file is empty")
}

func errNoRows() error {
	return apperr.New(apperr.Invalid, CodeFileNoRows, "the file has no rows of data")
}

func errBinary() error {
	return apperr.New(apperr.Invalid, CodeFileBinary,
		"the file is not a spreadsheet or a contact file; save it as XLSX or CSV")
}

// unsupportedHints says, for each format the readers recognise but cannot read, how the
// user gets a file they can read. The English text is for logs and the CLI; the interface
// translates the code with the format parameter.
var unsupportedHints = map[string]string{
	"xls":     "legacy Excel (.xls) files cannot be read; open it in Excel and use File > Save As > Excel Workbook (.xlsx) or CSV",
	"ods":     "OpenDocument spreadsheets cannot be read; in LibreOffice use File > Save As and choose Excel 2007-365 (.xlsx) or Text CSV",
	"numbers": "Numbers files cannot be read; in Numbers use File > Export To > Excel or CSV",
	"pdf":     "PDF files cannot be read; export the table from the program that made it as XLSX or CSV",
	"zip":     "this zip archive is not an Excel workbook; unpack it and import the XLSX or CSV inside",
	"other":   "this kind of file cannot be read; save it as XLSX or CSV",
}

func errUnsupported(format, detail string) error {
	e := apperr.New(apperr.Invalid, CodeFileUnsupported, unsupportedHints[format]).With("format", format)
	if detail != "" {
		e.Message += " (" + detail + ")"
		e.With("detail", detail)
	}
	return e
}

// errUnreadable reports a file the operating system would not give us: missing, a folder,
// no permission, or gone in the middle of a read. The detail is the OS's short reason
// without the path, which the interface already shows.
func errUnreadable(op string, err error) error {
	detail := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		detail = pe.Err.Error()
	}
	e := apperr.New(apperr.Invalid, CodeFileUnreadable, "the file cannot be read: "+detail).With("detail", detail)
	e.Err = fmt.Errorf("%s: %w", op, err)
	return e
}

func errLineTooLong(row int) error {
	return apperr.New(apperr.Invalid, CodeLineTooLong,
		fmt.Sprintf("row %d is longer than %d bytes; the file is probably not a table", row, maxLine)).
		With("row", strconv.Itoa(row)).With("max", strconv.Itoa(maxLine))
}

func errXLSXCorrupt(err error) error {
	e := apperr.New(apperr.Invalid, CodeXLSXCorrupt, "the workbook is damaged: "+err.Error()).With("detail", err.Error())
	e.Err = err
	return e
}

func errXLSXTooLarge(part string) error {
	return apperr.New(apperr.Invalid, CodeXLSXTooLarge,
		"the workbook unpacks to far more data than a contact list holds ("+part+"); it may be damaged or malicious")
}

func errNoSheet(sheet string) error {
	return apperr.New(apperr.Invalid, CodeXLSXNoSheet, fmt.Sprintf("the workbook has no sheet named %q", sheet)).
		With("sheet", sheet)
}

func errVCardMalformed(row int) error {
	return apperr.New(apperr.Invalid, CodeVCardMalformed, fmt.Sprintf("contact card %d cannot be read", row)).
		With("row", strconv.Itoa(row))
}

func errInvalidOption(option, value string) error {
	return apperr.New(apperr.Invalid, CodeInvalidOption, fmt.Sprintf("%s %q is not valid", option, value)).
		OnField(option).With("option", option).With("value", value)
}
