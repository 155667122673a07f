package importer

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
)

// zipLimits guard against zip bombs: a workbook of a few kilobytes whose sheet unpacks
// to gigabytes would fill the disk (excelize unpacks large sheets to temporary files) or
// the memory. The sizes are those the archive declares; archive/zip refuses to inflate a
// part beyond its declared size, so a part cannot lie its way past them. The limits are
// variables so that tests can lower them instead of building gigabyte files.
var zipLimits = struct {
	part     uint64 // the largest a single part may unpack to
	total    uint64 // all parts together
	ratio    uint64 // the highest compression ratio of a part larger than ratioMin
	ratioMin uint64
}{
	part:  2 << 30,
	total: 4 << 30,
	// Real sheets compress 5 to 50 times; repeated bytes compress about 1000 times.
	ratio:    200,
	ratioMin: 32 << 20,
}

// checkZip refuses a workbook whose parts are too large or compressed too well to be a
// spreadsheet.
func checkZip(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return errXLSXCorrupt(fmt.Errorf("open zip: %w", err))
	}
	defer zr.Close()
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		switch {
		case size > zipLimits.part:
			return errXLSXTooLarge(fmt.Sprintf("%s unpacks to %d bytes", zf.Name, size))
		case total > zipLimits.total:
			return errXLSXTooLarge(fmt.Sprintf("the parts unpack to more than %d bytes", zipLimits.total))
		case size > zipLimits.ratioMin && size/max(zf.CompressedSize64, 1) > zipLimits.ratio:
			return errXLSXTooLarge(fmt.Sprintf("%s unpacks %d times its size", zf.Name, size/max(zf.CompressedSize64, 1)))
		}
	}
	return nil
}

// workbook is an open XLSX file and the sheet chosen for import.
type workbook struct {
	f     *excelize.File
	sheet string
	// lastRow is the last row the sheet's dimension names, for progress; 0 when the sheet
	// does not say.
	lastRow int
	// fast reads the rows in excelize's stead (xlsx_fast.go); nil when it cannot.
	fast *fastBook
}

// rawValues makes excelize return the stored value of every cell instead of the value
// formatted for display. A phone stored as a number then keeps all its digits
// (6281234567890, not 6.28123E+12 or "6,281,234,567,890"), and a number that a writer
// stored in scientific notation comes through as written, for the phone normaliser to
// repair when no digit was lost. The cost is that dates arrive as day serials.
var rawValues = excelize.Options{RawCellValue: true}

// recoverXLSX turns a panic inside excelize, which damaged workbooks can cause, into the
// error the user sees.
func recoverXLSX(err *error) {
	if r := recover(); r != nil {
		*err = errXLSXCorrupt(fmt.Errorf("unreadable workbook: %v", r))
	}
}

// openXLSX opens the workbook, chooses the sheet and reads its first rows.
func (s *Source) openXLSX(o OpenOptions) (err error) {
	defer recoverXLSX(&err)
	s.Format = FormatXLSX
	if err := checkZip(s.Path); err != nil {
		return err
	}
	opts := rawValues
	opts.UnzipSizeLimit = int64(zipLimits.total)
	f, err := excelize.OpenFile(s.Path, opts)
	if err != nil {
		if f != nil {
			f.Close()
		}
		return errXLSXCorrupt(err)
	}
	s.book = &workbook{f: f, fast: newFastBook(s.Path, f)}
	s.Sheets = f.GetSheetList()
	if len(s.Sheets) == 0 {
		return errXLSXCorrupt(fmt.Errorf("the workbook lists no sheets"))
	}
	sheet, err := s.book.chooseSheet(s.Sheets, o.Sheet)
	if err != nil {
		return err
	}
	s.Sheet, s.book.sheet = sheet, sheet
	if ref, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(ref, ":"); ok {
			if _, row, err := excelize.CellNameToCoordinates(last); err == nil {
				s.book.lastRow = row
			}
		}
	}
	rr, err := s.book.open(s.Size)
	if err != nil {
		return err
	}
	defer rr.close()
	return s.readHead(rr, o.HeaderRow)
}

// chooseSheet returns the sheet the user asked for (matching case if it can) or, when
// they asked for none, the first visible sheet with data, else the first with data.
// Workbooks often start with an empty or hidden sheet, or a cover page of instructions
// with the table on the next one; a cover page has data and wins, which the user can
// change.
func (b *workbook) chooseSheet(sheets []string, want string) (string, error) {
	if want != "" {
		for _, name := range sheets {
			if name == want {
				return name, nil
			}
		}
		for _, name := range sheets {
			if strings.EqualFold(name, want) {
				return name, nil
			}
		}
		return "", errNoSheet(want)
	}
	var hidden []string
	for _, name := range sheets {
		if visible, err := b.f.GetSheetVisible(name); err == nil && !visible {
			hidden = append(hidden, name)
			continue
		}
		if b.hasData(name) {
			return name, nil
		}
	}
	for _, name := range hidden {
		if b.hasData(name) {
			return name, nil
		}
	}
	return "", errNoRows()
}

// hasData reports whether a sheet has a non-blank cell. Chart sheets and sheets excelize
// cannot read have none. A row too long to read is not blank: the sheet is chosen, and
// reading it says what is wrong.
func (b *workbook) hasData(sheet string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	rr, err := b.rows(sheet, 0)
	if err != nil {
		return false
	}
	defer rr.close()
	for {
		_, cells, err := rr.next()
		switch {
		case err == io.EOF:
			return false
		case err != nil:
			return apperr.Is(err, CodeLineTooLong)
		case !blankRow(cells):
			return true
		}
	}
}

// open starts reading the chosen sheet from its first row.
func (b *workbook) open(size int64) (rowReader, error) {
	return b.rows(b.sheet, size)
}

// rows starts reading a sheet from its first row, with the fast reader when it can.
func (b *workbook) rows(sheet string, size int64) (rr rowReader, err error) {
	defer recoverXLSX(&err)
	if b.fast != nil {
		if fr, err := b.fast.open(b, sheet, size); err == nil {
			return fr, nil
		}
	}
	return b.openSlow(sheet, size)
}

// openSlow starts reading a sheet with excelize's iterator.
func (b *workbook) openSlow(sheet string, size int64) (rr *xlsxRows, err error) {
	defer recoverXLSX(&err)
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, errXLSXCorrupt(err)
	}
	return &xlsxRows{rows: rows, lastRow: b.lastRow, size: size}, nil
}

func (b *workbook) close() error {
	return b.f.Close()
}

// xlsxRows reads the rows of a sheet. excelize's iterator yields every row up to the last
// one, the empty ones included, so the count of rows read is the sheet's row number.
type xlsxRows struct {
	rows    *excelize.Rows
	row     int
	lastRow int
	size    int64
	eof     bool
}

func (x *xlsxRows) next() (row int, cells []string, err error) {
	defer recoverXLSX(&err)
	if x.eof {
		return 0, nil, io.EOF
	}
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return 0, nil, errXLSXCorrupt(err)
		}
		x.eof = true
		return 0, nil, io.EOF
	}
	x.row++
	cells, err = x.rows.Columns(rawValues)
	if err != nil {
		return 0, nil, errXLSXCorrupt(err)
	}
	return x.row, cells, nil
}

// done scales the rows read to the file size, using the sheet's dimension for the
// number of rows. Without a dimension there is no cheap way to know it, and progress
// stays at zero until the end.
func (x *xlsxRows) done() int64 {
	return rowsDone(x.eof, x.row, x.lastRow, x.size)
}

// rowsDone is the progress of a sheet's reader that has read row rows of lastRow.
func rowsDone(eof bool, row, lastRow int, size int64) int64 {
	switch {
	case eof:
		return size
	case lastRow <= 1:
		return 0
	}
	d := size * int64(min(row, lastRow)) / int64(lastRow)
	return min(d, size-1)
}

func (x *xlsxRows) close() error {
	if x.rows == nil {
		return nil
	}
	err := x.rows.Close()
	x.rows = nil
	return err
}
