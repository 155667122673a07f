package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
)

// The fast reader reads the rows of a sheet straight from the XML of the workbook,
// several times faster than excelize's iterator, whose encoding/xml tokens and per-cell
// decoding cost some 10 µs a row. excelize still opens the workbook, lists and chooses
// the sheets and checks the file; the fast reader only replaces excelize.Rows.
//
// Its rows are excelize's rows: the same cells (raw values, trailing empty cells dropped,
// a formula cell kept even when empty), the same row numbers with the same empty rows for
// the gaps. Where the XML is anything but the plain form every spreadsheet program writes
// (see xlsx_xml.go), the reader hands over to excelize: it opens excelize's iterator,
// reads it as far as it had got itself, and lets it go on from there. What it returned up
// to then is what excelize returns, so the rows are the same either way; only the speed
// differs. A workbook whose shared strings the fast reader does not take is read by
// excelize from the start.
//
// One thing differs on purpose: a cell or a row whose values come to more than maxLine
// bytes is an error (CodeLineTooLong), as a CSV record is, instead of being read into
// memory whatever its size. No spreadsheet program writes such a cell; Excel's limit is
// 32,767 characters.

// fastBook is what the fast reader knows of a workbook.
type fastBook struct {
	path    string
	f       *excelize.File
	entries []zipEntry

	sstOnce sync.Once
	sst     *sharedStrings
	sstErr  error
}

// contentTypes is what excelize makes of [Content_Types].xml (its xlsxTypes).
type contentTypes struct {
	XMLName  xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults []struct {
		Extension, ContentType string `xml:",attr"`
	} `xml:"Default"`
	Overrides []struct {
		PartName, ContentType string `xml:",attr"`
	} `xml:"Override"`
}

// contentTypesReadable reports whether excelize can parse the workbook's content types.
// The first time its iterator reads a row it registers the shared strings there, and
// when that part does not parse, that one row comes back as an error; such a workbook
// is left to excelize, so that it goes wrong in the same way.
func contentTypesReadable(f *excelize.File) bool {
	v, _ := f.Pkg.Load("[Content_Types].xml")
	data, _ := v.([]byte)
	var ct contentTypes
	err := xml.NewDecoder(bytes.NewReader(data)).Decode(&ct)
	return err == nil || err == io.EOF
}

// zipEntry is a part of the workbook as it was when excelize read it at Open. A part
// that excelize keeps in a temporary file (over 16 MiB) is read again from the file; the
// checksum and sizes make sure it is still the same part.
type zipEntry struct {
	name        string // as excelize names it: backslashes turned into slashes
	index       int
	crc         uint32
	size, csize uint64
}

// newFastBook reads the directory of the workbook at path, which excelize has opened as
// f. It returns nil when the fast reader cannot be used.
func newFastBook(path string, f *excelize.File) *fastBook {
	if !contentTypesReadable(f) {
		return nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	b := &fastBook{path: path, f: f, entries: make([]zipEntry, len(zr.File))}
	for i, zf := range zr.File {
		b.entries[i] = zipEntry{
			name: strings.ReplaceAll(zf.Name, "\\", "/"), index: i,
			crc: zf.CRC32, size: zf.UncompressedSize64, csize: zf.CompressedSize64,
		}
	}
	return b
}

// same reports whether zf is still the entry e.
func (e *zipEntry) same(zf *zip.File) bool {
	return strings.ReplaceAll(zf.Name, "\\", "/") == e.name && zf.CRC32 == e.crc &&
		zf.UncompressedSize64 == e.size && zf.CompressedSize64 == e.csize
}

// partSource is where a part is read from: excelize's copy in memory, the zip entry, or
// nowhere (a part that is missing or empty).
type partSource struct {
	data  []byte
	entry *zipEntry
}

// part finds the part excelize reads under key, the name matched regardless of case when
// fold is set (excelize's rule for the shared strings). Two entries of the same name are
// left to excelize, which would use one or the other depending on their sizes.
func (b *fastBook) part(key string, fold bool) (partSource, error) {
	var found *zipEntry
	for i := range b.entries {
		e := &b.entries[i]
		if e.name == key || fold && strings.EqualFold(e.name, key) {
			if found != nil {
				return partSource{}, errFastUnsupported
			}
			found = e
		}
	}
	if v, ok := b.f.Pkg.Load(key); ok {
		if data, ok := v.([]byte); ok && len(data) > 0 {
			return partSource{data: data}, nil
		}
	}
	if found == nil || found.size == 0 {
		return partSource{}, nil
	}
	return partSource{entry: found}, nil
}

// openPart starts scanning a part. The closer is nil for a part in memory.
func (b *fastBook) openPart(src partSource, mark []byte) (*xmlScanner, io.Closer, error) {
	switch {
	case src.data != nil:
		if mark != nil && bytes.Contains(src.data, mark) {
			return nil, nil, errFastUnsupported
		}
		return newXMLScannerBytes(src.data), nil, nil
	case src.entry == nil:
		return newXMLScannerBytes(nil), nil, nil
	}
	zr, err := zip.OpenReader(b.path)
	if err != nil {
		return nil, nil, errFastUnsupported // gone or changed: excelize has its copy
	}
	e := src.entry
	if e.index >= len(zr.File) || !e.same(zr.File[e.index]) {
		zr.Close()
		return nil, nil, errFastUnsupported
	}
	// klauspost's inflater is a fifth faster than compress/flate. It is registered on
	// this reader only, leaving archive/zip's global table alone.
	zr.RegisterDecompressor(zip.Deflate, kflate.NewReader)
	rc, err := zr.File[e.index].Open()
	if err != nil {
		zr.Close()
		return nil, nil, errFastUnsupported
	}
	var r io.Reader = rc
	if mark != nil {
		r = &markReader{r: rc, mark: mark}
	}
	return newXMLScanner(r), closers{rc, zr}, nil
}

type closers []io.Closer

func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// markReader fails a stream in which mark occurs, across reads too.
type markReader struct {
	r    io.Reader
	mark []byte
	tail []byte // the last len(mark)-1 bytes read
	join []byte
}

func (m *markReader) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	if n == 0 {
		return n, err
	}
	keep := len(m.mark) - 1
	m.join = append(append(m.join[:0], m.tail...), p[:min(n, keep)]...)
	if bytes.Contains(m.join, m.mark) || bytes.Contains(p[:n], m.mark) {
		return n, errFastUnsupported
	}
	m.tail = append(m.tail, p[:n]...)
	m.tail = m.tail[max(0, len(m.tail)-keep):]
	return n, err
}

// sharedStrings parses the workbook's shared strings the first time a sheet is read.
// excelize reads them from xl/sharedStrings.xml whatever the relationships say.
func (b *fastBook) sharedStrings() (*sharedStrings, error) {
	b.sstOnce.Do(func() {
		b.sst, b.sstErr = b.readSharedStrings()
	})
	return b.sst, b.sstErr
}

func (b *fastBook) readSharedStrings() (*sharedStrings, error) {
	src, err := b.part("xl/sharedStrings.xml", true)
	if err != nil {
		return nil, err
	}
	sc, closer, err := b.openPart(src, strictMark)
	if err != nil {
		return nil, err
	}
	if closer != nil {
		defer closer.Close()
	}
	hint := len(src.data)
	if src.entry != nil {
		hint = int(min(src.entry.size, 1<<30))
	}
	t, err := readSharedStrings(sc, hint)
	if err != nil {
		return nil, errFastUnsupported
	}
	return t, nil
}

// sheetPart returns the name of the part excelize reads for sheet. excelize resolves it
// through the workbook's relationships with rules of its own (Strict namespaces, absolute
// and relative targets, names matched regardless of case), and does not export the
// result; reading it off the iterator it opens keeps both readers on the same part by
// construction. Should a later excelize rename the field, the fast reader is not used
// (TestFastReaderIsUsed says so).
func (b *fastBook) sheetPart(sheet string) (string, error) {
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return "", errFastUnsupported
	}
	defer rows.Close()
	v := reflect.ValueOf(rows).Elem().FieldByName("sheet")
	if v.Kind() != reflect.String || v.String() == "" {
		return "", errFastUnsupported
	}
	return v.String(), nil
}

// open starts reading sheet from its first row.
func (b *fastBook) open(book *workbook, sheet string, size int64) (*fastRows, error) {
	sst, err := b.sharedStrings()
	if err != nil {
		return nil, err
	}
	name, err := b.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	src, err := b.part(name, false)
	if err != nil {
		return nil, err
	}
	sc, closer, err := b.openPart(src, nil)
	if err != nil {
		return nil, err
	}
	return &fastRows{book: book, sheet: sheet, sc: sc, closer: closer, sst: sst,
		lastRow: book.lastRow, size: size}, nil
}

// fastRows reads the rows of a sheet, in the same order and numbering as xlsxRows.
type fastRows struct {
	book    *workbook
	sheet   string
	sc      *xmlScanner
	closer  io.Closer
	sst     *sharedStrings
	lastRow int
	size    int64

	row     int  // rows returned; excelize's iterator counts them the same way
	started bool // the first <row> has been looked for
	// A <row> start tag read ahead, and the number excelize gives that row.
	haveNext bool
	nextNum  int
	// A row read and not yet returned: the empty rows before it come first.
	pending bool
	pendNum int
	ended   bool // </sheetData> came after the last row
	eof     bool

	cells []string
	spans []span // cells whose text is in text
	text  []byte
	val   []byte // the <v> of the current cell
	is    []byte // its inline string
	si    siReader

	slow *xlsxRows // excelize, after a hand-over
}

// span is a cell whose text is text[a:b] of its row.
type span struct{ cell, a, b int }

func (x *fastRows) next() (row int, cells []string, err error) {
	defer recoverXLSX(&err)
	if x.slow != nil {
		return x.slow.next()
	}
	for !x.eof {
		if x.pending {
			x.row++
			if x.row < x.pendNum {
				return x.row, nil, nil // a gap excelize reports as an empty row
			}
			x.pending = false
			if len(x.cells) == 0 {
				return x.row, nil, nil // as excelize returns a row without values
			}
			return x.row, x.cells, nil
		}
		err := x.advance()
		if err == nil {
			continue
		}
		if err == io.EOF {
			x.eof = true
			x.closeScanner()
			break
		}
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return 0, nil, err
		}
		if err := x.handOver(); err != nil {
			return 0, nil, err
		}
		return x.slow.next()
	}
	return 0, nil, io.EOF
}

// advance reads the next row into x.cells. Any error but io.EOF and the row limits makes
// the caller hand over to excelize.
func (x *fastRows) advance() error {
	if !x.started {
		x.started = true
		if err := x.firstRow(); err != nil {
			return err
		}
	}
	if !x.haveNext {
		if x.ended {
			// excelize's iterator goes on looking for rows after </sheetData> when it
			// found some before; should there be one, excelize decides what it is.
			if found, err := x.sc.findStartTag("row"); err != nil || found {
				return errFastUnsupported
			}
		}
		return io.EOF
	}
	num := x.nextNum
	x.haveNext = false
	if err := x.readRow(num); err != nil {
		return err
	}
	// Only what comes up to the next row or the end of the sheet's data completes the
	// row: excelize would add a stray cell there to this row.
	if err := x.lookAhead(num); err != nil {
		return err
	}
	x.pending, x.pendNum = true, num
	return nil
}

// firstRow looks for the first row as excelize's Rows.Next does: the first <row>
// anywhere, unless </sheetData> comes first.
func (x *fastRows) firstRow() error {
	sc := x.sc
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return nil
		case tokEnd:
			if string(sc.local) == "sheetData" {
				return nil
			}
		case tokStart:
			if string(sc.local) == "row" {
				if !sc.parentIs("sheetData") {
					return errFastUnsupported
				}
				return x.rowStart(0)
			}
		}
	}
}

// lookAhead reads past the row that ended to the next <row> or to </sheetData>.
func (x *fastRows) lookAhead(prev int) error {
	sc := x.sc
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return err
		}
		switch {
		case k == tokText:
			continue
		case k == tokStart && string(sc.local) == "row":
			return x.rowStart(prev)
		case k == tokEnd && string(sc.local) == "sheetData":
			x.ended = true
			return nil
		}
		return errFastUnsupported
	}
}

// rowStart numbers the row whose start tag was just read, after row prev: its r
// attribute, or the next number when it has none (or 0), as excelize numbers it. Rows
// that do not go up, and r attributes that are not numbers or are past the last row
// Excel has, are left to excelize.
func (x *fastRows) rowStart(prev int) error {
	sc := x.sc
	num := 0
	for i := range sc.attrs {
		if string(sc.attrs[i].local) == "r" {
			n, err := atoi(sc.attrBytes(i))
			if err != nil {
				return errFastUnsupported
			}
			num = n
		}
	}
	if num == 0 {
		num = prev + 1
	}
	if num <= prev || num > excelize.TotalRows {
		return errFastUnsupported
	}
	x.haveNext, x.nextNum = true, num
	return nil
}

// readRow reads the cells of row num, whose start tag was read, to its end tag.
func (x *fastRows) readRow(num int) error {
	sc := x.sc
	x.cells, x.spans, x.text = x.cells[:0], x.spans[:0], x.text[:0]
	col, total := 0, 0
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return err
		}
		if k == tokText {
			continue
		}
		if k == tokEnd {
			break
		}
		if k != tokStart || string(sc.local) != "c" {
			return errFastUnsupported
		}
		if col, total, err = x.readCell(num, col, total); err != nil {
			return err
		}
	}
	if len(x.text) > 0 {
		s := string(x.text)
		for _, sp := range x.spans {
			x.cells[sp.cell] = s[sp.a:sp.b]
		}
	}
	return nil
}

// formulaAttrs are the attributes of <f> that encoding/xml parses into excelize's xlsxF
// as something other than a string.
var formulaAttrs = []attrKind{{"aca", kindBool}, {"dt2D", kindBool}, {"dtr", kindBool},
	{"del1", kindBool}, {"del2", kindBool}, {"ca", kindBool}, {"bx", kindBool}, {"si", kindInt}}

// readCell reads the cell whose start tag was just read, after column prev, and appends
// its value to the row as excelize's rowXMLHandler does: at its column, or at the end of
// the row when an earlier cell took that place. It returns the cell's column and the
// bytes of the row's values so far.
func (x *fastRows) readCell(num, prev, total int) (int, int, error) {
	sc := x.sc
	var ref []byte
	typ := cellOther
	for i := range sc.attrs {
		switch string(sc.attrs[i].local) {
		case "r":
			if ref = sc.attrBytes(i); !sc.attrs[i].plain {
				ref = bytes.Clone(ref)
			}
		case "s":
			// excelize stops reading the cell at a style that is not a number.
			if !isInt64(sc.attrBytes(i)) {
				return 0, 0, errFastUnsupported
			}
		case "t":
			switch string(sc.attrBytes(i)) {
			case "s":
				typ = cellShared
			case "inlineStr":
				typ = cellInline
			default:
				typ = cellOther
			}
		}
	}
	col := prev + 1
	if len(ref) > 0 {
		c, err := cellColumn(ref)
		if err != nil {
			return 0, 0, errFastUnsupported
		}
		col = c
	}
	hasF, hasIS := false, false
	x.val = x.val[:0]
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return 0, 0, err
		}
		if k == tokText {
			continue
		}
		if k == tokEnd {
			break
		}
		if k != tokStart {
			return 0, 0, errFastUnsupported
		}
		switch string(sc.local) {
		case "v":
			x.val = x.val[:0] // of several, encoding/xml keeps the last
			err = sc.elementText(&x.val, maxLine)
		case "f":
			hasF = true
			err = checkAttrs(sc, formulaAttrs)
			if err == nil {
				err = sc.skip()
			}
		case "is":
			if hasIS {
				return 0, 0, errFastUnsupported // encoding/xml would merge them
			}
			hasIS = true
			x.is, err = x.si.read(sc, x.is[:0], maxLine)
		default:
			return 0, 0, errFastUnsupported
		}
		if err == errTextTooLong {
			return 0, 0, errLineTooLong(num)
		}
		if err != nil {
			return 0, 0, err
		}
	}
	// The raw value, as excelize's getValueFrom gives it with RawCellValue.
	value := x.val
	var shared string
	isShared := false
	switch typ {
	case cellShared:
		if len(x.val) > 0 {
			i := sharedIndex(x.val)
			if i < 0 || i >= x.sst.len() {
				return 0, 0, errFastUnsupported // excelize reports the bad index
			}
			shared, isShared = x.sst.get(i), true
		}
	case cellInline:
		if hasIS {
			value = x.is
		}
	}
	n := len(value)
	if isShared {
		n = len(shared)
	}
	if n == 0 && !hasF {
		return col, total, nil
	}
	if total += n; n > maxLine || total > maxLine {
		return 0, 0, errLineTooLong(num)
	}
	for len(x.cells) < col-1 {
		x.cells = append(x.cells, "")
	}
	if isShared {
		x.cells = append(x.cells, shared)
	} else {
		x.spans = append(x.spans, span{cell: len(x.cells), a: len(x.text), b: len(x.text) + n})
		x.text = append(x.text, value...)
		x.cells = append(x.cells, "")
	}
	return col, total, nil
}

// The cell types whose raw value is not the text of <v>, as excelize's getValueFrom
// tells them apart (exact, case-sensitive).
const (
	cellOther  = iota
	cellShared // t="s"
	cellInline // t="inlineStr"
)

// sharedIndex reads the index of a shared string as excelize does: the value trimmed
// and parsed as an int, 0 when it is not one.
func sharedIndex(v []byte) int {
	if n, ok := digits(v); ok {
		return n
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(v)))
	return n
}

// digits reads a short run of decimal digits without allocating.
func digits(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// atoi is strconv.Atoi on bytes.
func atoi(v []byte) (int, error) {
	if n, ok := digits(v); ok {
		return n, nil
	}
	return strconv.Atoi(string(v))
}

// isInt64 reports whether strconv.ParseInt(v, 10, 64) succeeds.
func isInt64(v []byte) bool {
	if _, ok := digits(v); ok {
		return true
	}
	_, err := strconv.ParseInt(string(v), 10, 64)
	return err == nil
}

// cellColumn returns the column of a cell reference as excelize.CellNameToCoordinates
// does, which it calls for anything but the usual A1 to XFD1048576.
func cellColumn(ref []byte) (int, error) {
	col, i := 0, 0
	for i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, j := 0, i
	for j < len(ref) && j-i < 7 && '0' <= ref[j] && ref[j] <= '9' {
		row = row*10 + int(ref[j]-'0')
		j++
	}
	if i > 0 && j > i && j == len(ref) && ref[i] != '0' && col <= excelize.MaxColumns && row <= excelize.TotalRows {
		return col, nil
	}
	c, _, err := excelize.CellNameToCoordinates(string(ref))
	return c, err
}

// handOver continues with excelize's iterator from where the fast reader got to.
func (x *fastRows) handOver() error {
	x.closeScanner()
	slow, err := x.book.openSlow(x.sheet, x.size)
	if err != nil {
		return err
	}
	for i := 0; i < x.row; i++ {
		if _, _, err := slow.next(); err != nil {
			slow.close()
			if err == io.EOF {
				err = errXLSXCorrupt(errors.New("the sheet reads differently the second time"))
			}
			return err
		}
	}
	x.slow = slow
	return nil
}

func (x *fastRows) done() int64 {
	if x.slow != nil {
		return x.slow.done()
	}
	return rowsDone(x.eof, x.row, x.lastRow, x.size)
}

func (x *fastRows) closeScanner() {
	if x.closer != nil {
		x.closer.Close()
		x.closer = nil
	}
	x.sc = nil
}

func (x *fastRows) close() error {
	x.closeScanner()
	if x.slow != nil {
		return x.slow.close()
	}
	return nil
}
