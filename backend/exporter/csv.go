package exporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"kontak/backend/phone"
)

// bom is the UTF-8 byte order mark. Excel needs it to read a CSV file as
// UTF-8 instead of the Windows code page.
const bom = "\uFEFF"

// groupSeparator joins a contact's groups in one cell. The importer splits a
// group column on "," among others, so the space is only for the eye.
const groupSeparator = ", "

// fixedColumns are the columns every export has before the custom fields.
var fixedColumns = []string{"Name", "Phone", "Email", "Groups"}

// csvSink writes RFC 4180 CSV itself rather than through encoding/csv,
// whose CRLF mode turns a line break inside a cell into CRLF and drops a lone
// CR. Line breaks inside a quoted cell are kept as they are, as Excel writes
// them; only records end with CRLF.
type csvSink struct {
	buf    *bufio.Writer
	cols   *columns
	record []string
}

func newCSVSink(w io.Writer, cols *columns) *csvSink {
	return &csvSink{
		buf:    newBuffer(w),
		cols:   cols,
		record: make([]string, len(fixedColumns)+len(cols.keys)),
	}
}

func (s *csvSink) header() error {
	s.buf.WriteString(bom)
	n := copy(s.record, fixedColumns)
	for i, k := range s.cols.keys {
		s.record[n+i] = guardFormula(k)
	}
	return s.write()
}

func (s *csvSink) row(c *Contact) error {
	r := s.record
	r[0] = guardFormula(c.Name)
	r[1] = csvPhone(c.Phone)
	r[2] = guardFormula(c.Email)
	r[3] = guardFormula(strings.Join(c.Groups, groupSeparator))
	fields := r[len(fixedColumns):]
	s.cols.values(c.Fields, fields)
	for i, v := range fields {
		fields[i] = guardFormula(v)
	}
	return s.write()
}

// write writes s.record as one record. bufio.Writer keeps its first error
// and returns it from every later call, so the last write reports any.
func (s *csvSink) write() error {
	for i, v := range s.record {
		if i > 0 {
			s.buf.WriteByte(',')
		}
		if !needsQuotes(v) {
			s.buf.WriteString(v)
			continue
		}
		s.buf.WriteByte('"')
		for {
			q := strings.IndexByte(v, '"')
			if q < 0 {
				break
			}
			s.buf.WriteString(v[:q+1])
			s.buf.WriteByte('"')
			v = v[q+1:]
		}
		s.buf.WriteString(v)
		s.buf.WriteByte('"')
	}
	if _, err := s.buf.WriteString("\r\n"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// needsQuotes reports whether a cell must be quoted: it holds a delimiter, a
// quote or a line break, or it starts or ends with a space, which some
// readers would trim.
func needsQuotes(v string) bool {
	if v == "" {
		return false
	}
	if v[0] == ' ' || v[len(v)-1] == ' ' {
		return true
	}
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

func (s *csvSink) close() error {
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func (s *csvSink) abort() {}

// guardFormula puts a single quote in front of a cell that a spreadsheet
// would otherwise run as a formula (OWASP's advice against CSV injection).
// Tab and carriage return are on OWASP's list because some spreadsheets skip
// them before they look for "=". The importer removes a quote that comes
// before a formula character or another quote, so a cell that already starts
// that way gets one more quote too, and reads back as it was.
func guardFormula(s string) string {
	if s == "" {
		return s
	}
	if formulaStart(s[0]) || s[0] == '\'' && len(s) > 1 && (formulaStart(s[1]) || s[1] == '\'') {
		return "'" + s
	}
	return s
}

func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// csvPhone is the phone cell of a CSV row: a form Excel keeps as text. An
// Indonesian number becomes its national form with dashes (0812-3456-7890,
// 021-5551234); anything else, including an Indonesian number whose display
// form is a single block of digits, becomes the guarded international display
// form ('+1 415-555-2671). The result is never a plain run of digits, which
// Excel would turn into a number.
func csvPhone(canonical string) string {
	if canonical == "" {
		return ""
	}
	display := phone.Display(canonical)
	if display == "" {
		// Not canonical digits: an older record or a caller's mistake. It is
		// written as it is, because changing it would hide the problem.
		return guardFormula(canonical)
	}
	if national, ok := strings.CutPrefix(display, "+62 "); ok && strings.ContainsAny(national, " -") {
		return "0" + strings.ReplaceAll(national, " ", "-")
	}
	return guardFormula(display)
}
