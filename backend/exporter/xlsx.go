package exporter

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
)

// sheetName is the name of the one sheet of an XLSX export.
const sheetName = "Contacts"

// Column widths in Excel's character units: wide enough for a typical value,
// so the sheet is readable as it opens, without hiding long ones for good.
const (
	nameWidth   = 28
	phoneWidth  = 18
	emailWidth  = 30
	groupsWidth = 24
	fieldWidth  = 18
)

// textFormat is Excel's built-in number format "@": the cell is text. The
// phone column has it so that Excel keeps a phone the user types or edits
// there as text too.
const textFormat = 49

// maxXLSXContacts is how many contacts fit on one sheet below the header.
const maxXLSXContacts = excelize.TotalRows - 1

type xlsxSink struct {
	w      io.Writer
	cols   *columns
	f      *excelize.File
	sw     *excelize.StreamWriter
	text   int // style of the phone cells
	rows   int // rows written, the header included
	values []any
	fields []string
}

func newXLSXSink(w io.Writer, cols *columns) *xlsxSink {
	n := len(fixedColumns) + len(cols.keys)
	return &xlsxSink{w: w, cols: cols, values: make([]any, n), fields: make([]string, len(cols.keys))}
}

func (s *xlsxSink) header() error {
	s.f = excelize.NewFile()
	if err := s.setUp(); err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	bold, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	for i, name := range fixedColumns {
		s.values[i] = excelize.Cell{StyleID: bold, Value: name}
	}
	for i, k := range s.cols.keys {
		s.values[len(fixedColumns)+i] = excelize.Cell{StyleID: bold, Value: k}
	}
	return s.setRow()
}

// setUp names the sheet, sets the document properties and prepares the
// stream writer: column widths and styles and the frozen header must all be
// set before the first row.
func (s *xlsxSink) setUp() error {
	f := s.f
	if err := f.SetSheetName(f.GetSheetName(0), sheetName); err != nil {
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "Kontak export",
		Creator:  "Kontak",
		Created:  now,
		Modified: now,
	}); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: textFormat})
	if err != nil {
		return err
	}
	s.text = text
	if s.sw, err = f.NewStreamWriter(sheetName); err != nil {
		return err
	}
	// excelize's stream writer puts the columns of each call before those it
	// already has and, unlike its normal mode, does not sort them when it
	// saves, while Excel wants them in ascending order. So they are set from
	// the last column to the first, the phone column's style right after its
	// width, which keeps it in place.
	if n := len(s.cols.keys); n > 0 {
		first := len(fixedColumns) + 1
		if err := s.sw.SetColWidth(first, first+n-1, fieldWidth); err != nil {
			return err
		}
	}
	widths := []float64{nameWidth, phoneWidth, emailWidth, groupsWidth}
	for i := len(widths) - 1; i >= 0; i-- {
		if err := s.sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
		if i == 1 {
			if err := s.sw.SetColStyle(2, 2, text); err != nil {
				return err
			}
		}
	}
	return s.sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

func (s *xlsxSink) row(c *Contact) error {
	if s.rows > maxXLSXContacts {
		return apperr.New(apperr.Invalid, "export.xlsx.too_many_rows",
			fmt.Sprintf("an XLSX sheet holds at most %d contacts: export as CSV instead", maxXLSXContacts)).
			With("max", strconv.Itoa(maxXLSXContacts))
	}
	v := s.values
	v[0] = textCell(c.Name)
	v[1] = nil
	if c.Phone != "" {
		// A string value makes excelize write an inline string cell
		// (t="inlineStr"), so Excel never reads the digits as a number.
		v[1] = excelize.Cell{StyleID: s.text, Value: c.Phone}
	}
	v[2] = textCell(c.Email)
	v[3] = textCell(strings.Join(c.Groups, groupSeparator))
	s.cols.values(c.Fields, s.fields)
	for i, f := range s.fields {
		v[len(fixedColumns)+i] = textCell(f)
	}
	return s.setRow()
}

// textCell is the stream writer's value for a text cell: nil, which writes no
// cell at all, for an empty string.
func textCell(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (s *xlsxSink) setRow() error {
	s.rows++
	if err := s.sw.SetRow("A"+strconv.Itoa(s.rows), s.values); err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	return nil
}

func (s *xlsxSink) close() error {
	defer s.abort()
	last, err := excelize.CoordinatesToCellName(len(s.values), s.rows)
	if err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	// The filter is set after the rows so that it covers all of them. It goes
	// into the worksheet part that Flush writes after the rows; the sheet
	// properties it also changes were written before them, so the sheet is not
	// marked as filtered.
	if err := s.f.AutoFilter(sheetName, "A1:"+last, nil); err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("write sheet: %w", err)
	}
	// excelize's Write builds the whole zip file in a bytes.Buffer before it
	// copies it to the writer, which would hold a 500,000-row export in
	// memory. The zip writer it asks for is handed the real destination
	// instead, so the zip streams out and the buffer stays empty.
	s.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(s.w) })
	if err := s.f.Write(io.Discard); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// abort removes the temp files in which excelize keeps rows beyond its
// in-memory chunk.
func (s *xlsxSink) abort() {
	if s.f != nil {
		_ = s.f.Close()
		s.f = nil
	}
}
