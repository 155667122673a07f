package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings of text files, as Source.Encoding names them.
const (
	EncUTF8        = "utf-8"
	EncUTF8BOM     = "utf-8-bom"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1252 = "windows-1252"
)

const (
	// maxLine is the longest record a table may have. A contact row is a few hundred
	// bytes; a longer "row" is a file that is not a table, or a quote that never closes
	// and would otherwise swallow the rest of the file into one cell.
	maxLine = 1 << 20
	// bufSize is the read buffer of the CSV reader, as large as a record may be.
	bufSize = 1 << 20
)

// textEncoding is how the bytes of a text file become UTF-8.
type textEncoding struct {
	name string
	bom  int // bytes of byte-order mark to skip
}

// detectEncoding decides the encoding of a text file from its byte-order mark, from the
// pattern of zero bytes that UTF-16 without a mark shows, and otherwise by checking the
// whole file: UTF-8 when every byte sequence is valid UTF-8, Windows-1252 (what Excel on
// an Indonesian or English Windows writes as "CSV") when any is not. Checking only the
// start would decode a file whose first non-ASCII name is in row 5000 with the wrong
// table; the check streams at memory speed.
func detectEncoding(f *os.File, head []byte) (textEncoding, error) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return textEncoding{EncUTF8BOM, 3}, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return textEncoding{EncUTF16LE, 2}, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return textEncoding{EncUTF16BE, 2}, nil
	}
	if enc, ok := bomlessUTF16(head); ok {
		return textEncoding{enc, 0}, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return textEncoding{}, errUnreadable("read file", err)
	}
	ok, err := validUTF8(f)
	if err != nil {
		return textEncoding{}, errUnreadable("read file", err)
	}
	if !ok {
		return textEncoding{EncWindows1252, 0}, nil
	}
	return textEncoding{EncUTF8, 0}, nil
}

// bomlessUTF16 recognises UTF-16 without a byte-order mark by its zero bytes: text that is
// mostly Latin has a zero in the high byte of nearly every code unit, always on the same
// side, which no 8-bit text has. Files with little Latin text are not recognised, which is
// why this only answers when the pattern is unmistakable.
func bomlessUTF16(head []byte) (string, bool) {
	n := min(len(head), 4096) &^ 1
	if n < 16 {
		return "", false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case even*10 >= units*4 && odd*100 <= units:
		return EncUTF16BE, true
	case odd*10 >= units*4 && even*100 <= units:
		return EncUTF16LE, true
	}
	return "", false
}

// validUTF8 reports whether everything r yields is valid UTF-8.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 256<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		// Keep an incomplete sequence at the end of the chunk for the next round.
		end := n
		if err == nil {
			for k := 1; k <= utf8.UTFMax-1 && k <= n; k++ {
				if utf8.RuneStart(buf[n-k]) {
					if !utf8.FullRune(buf[n-k : n]) {
						end = n - k
					}
					break
				}
			}
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		carry = copy(buf, buf[end:n])
		if err == io.EOF {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// decoder returns a reader of UTF-8 text from r, which must be positioned after the
// byte-order mark.
func (e textEncoding) decoder(r io.Reader) io.Reader {
	switch e.name {
	case EncUTF16LE:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case EncUTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	case EncWindows1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder())
	}
	return r
}

// decodeHead decodes the sniffed start of a file. A character cut in half at the end is
// dropped.
func (e textEncoding) decodeHead(head []byte) []byte {
	head = head[e.bom:]
	if e.name == EncUTF8 || e.name == EncUTF8BOM {
		return head
	}
	if e.name != EncWindows1252 {
		head = head[:len(head)&^1]
	}
	out, _ := io.ReadAll(e.decoder(bytes.NewReader(head)))
	return out
}

// lineBreaks turns every line break into a single LF: CRLF, LF, a CR alone (old Mac
// exports) and the CR CR LF that some Windows tools write. encoding/csv only knows CRLF
// and LF, and would read a CR-only file as one endless line. It is only put in the stream
// when the start of the file shows such breaks, because it costs a copy of every byte.
type lineBreaks struct{ transform.NopResetter }

func (lineBreaks) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c != '\r' {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		j := nSrc
		for j < len(src) && src[j] == '\r' {
			j++
		}
		// A run of CRs at the end of the buffer may be followed by LF in the next one;
		// wait for it, unless the run alone fills the buffer.
		if j == len(src) && !atEOF && (nSrc > 0 || j-nSrc < 64) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if j < len(src) && src[j] == '\n' {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = '\n'
			nDst++
			nSrc = j + 1
			continue
		}
		for ; nSrc < j; nSrc++ {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = '\n'
			nDst++
		}
	}
	return nDst, nSrc, nil
}

// needsLineBreakFix reports whether the decoded head has line breaks encoding/csv does not
// understand: a CR that is not part of a CRLF, outside and inside quotes alike.
func needsLineBreakFix(head []byte) bool {
	for i := bytes.IndexByte(head, '\r'); i >= 0; {
		if i+1 < len(head) && head[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(head[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// errTooLong is returned by boundedReader; the record reader turns it into the error the
// user sees, with the row.
var errTooLong = errors.New("record too long")

// boundedReader stops a record from growing without limit. encoding/csv keeps reading a
// line, or a quoted field across lines, until it ends, holding all of it in memory: a
// 50 MB line or an unclosed quote would be read whole. The reader sits under the
// bufio.Reader, counts what it hands out, and fails once the current record (which
// started at start) cannot be shorter than maxLine any more. Read-ahead of up to bufSize
// is allowed for, so the exact limit is checked again after each record.
type boundedReader struct {
	r     io.Reader
	pos   int64 // bytes handed out
	start int64 // offset at which the current record starts
	err   error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.pos-b.start > maxLine+bufSize {
		b.err = errTooLong
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.pos += int64(n)
	return n, err
}

// countingReader counts the bytes read from the file, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// textFormat is everything Open learnt about a delimited text file.
type textFormat struct {
	enc       textEncoding
	delim     rune
	fixBreaks bool
}

// open starts reading the file from its first row.
func (t *textFormat) open(path string, size int64) (*csvRows, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errUnreadable("open file", err)
	}
	if _, err := f.Seek(int64(t.enc.bom), io.SeekStart); err != nil {
		f.Close()
		return nil, errUnreadable("read file", err)
	}
	c := &countingReader{r: f, n: int64(t.enc.bom)}
	var r io.Reader = c
	r = t.enc.decoder(r)
	if t.fixBreaks {
		r = transform.NewReader(r, lineBreaks{})
	}
	lim := &boundedReader{r: r}
	cr := csv.NewReader(bufio.NewReaderSize(lim, bufSize))
	cr.Comma = t.delim
	cr.FieldsPerRecord = -1
	// A stray quote inside a cell (5" screen, Budi "Jaya") is common in hand-made files;
	// with LazyQuotes it is kept as a character instead of failing the whole file.
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	// The decoded offset equals the file offset only for UTF-8 without line-break fixing;
	// otherwise progress counts file bytes as they are read, a buffer at a time.
	exact := (t.enc.name == EncUTF8 || t.enc.name == EncUTF8BOM) && !t.fixBreaks
	return &csvRows{f: f, csv: cr, lim: lim, count: c, bom: int64(t.enc.bom), exact: exact, size: size}, nil
}

// csvRows reads the rows of a delimited text file.
type csvRows struct {
	f     *os.File
	csv   *csv.Reader
	lim   *boundedReader
	count *countingReader
	bom   int64
	exact bool
	size  int64
	// extra counts line breaks inside quoted cells so far. A spreadsheet shows such a
	// record as one row, so the row of a record is its first line minus extra.
	extra int
	row   int
	eof   bool
}

func (c *csvRows) next() (int, []string, error) {
	if c.eof {
		return 0, nil, io.EOF
	}
	rec, err := c.csv.Read()
	if err != nil {
		switch {
		case err == io.EOF:
			c.eof = true
			return 0, nil, io.EOF
		case errors.Is(err, errTooLong):
			return 0, nil, errLineTooLong(c.row + 1)
		}
		// With LazyQuotes and a free number of fields encoding/csv has no parse errors
		// left, so anything else is the file failing to read.
		return 0, nil, errUnreadable("read file", err)
	}
	line, _ := c.csv.FieldPos(0)
	c.row = line - c.extra
	for _, cell := range rec {
		if strings.IndexByte(cell, '\n') >= 0 {
			c.extra += strings.Count(cell, "\n")
		}
	}
	off := c.csv.InputOffset()
	if off-c.lim.start > maxLine {
		return 0, nil, errLineTooLong(c.row)
	}
	c.lim.start = off
	return c.row, rec, nil
}

func (c *csvRows) done() int64 {
	if c.eof {
		return c.size
	}
	var d int64
	if c.exact {
		d = c.bom + c.csv.InputOffset()
	} else {
		d = c.count.n
	}
	return min(d, c.size)
}

func (c *csvRows) close() error {
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}

// delimiters are the separators Open tries, in the order that breaks ties.
var delimiters = []rune{',', ';', '\t', '|'}

// detectDelimiter picks the separator under which the first records of text have the
// most consistent number of fields (at least two). Records are parsed with quotes
// respected, so a ";" inside a quoted name cannot pass for a separator. A table with one
// column has no separator at all; "," is then as good as any.
func detectDelimiter(text []byte, truncated bool) rune {
	best, bestScore, bestWidth := ',', 0.0, 0
	for _, d := range delimiters {
		if bytes.IndexRune(text, d) < 0 {
			continue
		}
		score, width := delimiterScore(text, d, truncated)
		if score > bestScore || score == bestScore && width > bestWidth {
			best, bestScore, bestWidth = d, score, width
		}
	}
	return best
}

// delimiterScore returns the share of the first 50 records that have the most common
// field count, and that count; the score is 0 when the count is 1.
func delimiterScore(text []byte, d rune, truncated bool) (float64, int) {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = d
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	counts := make([]int, 0, 51)
	for len(counts) < 51 {
		rec, err := r.Read()
		if err != nil {
			break
		}
		counts = append(counts, len(rec))
	}
	if truncated && len(counts) > 1 {
		counts = counts[:len(counts)-1] // the last record may be cut short
	}
	counts = counts[:min(len(counts), 50)]
	freq := map[int]int{}
	mode := 0
	for _, n := range counts {
		freq[n]++
		if freq[n] > freq[mode] || freq[n] == freq[mode] && n > mode {
			mode = n
		}
	}
	if mode < 2 || len(counts) == 0 {
		return 0, mode
	}
	return float64(freq[mode]) / float64(len(counts)), mode
}

// openText reads a delimited text file or a vCard: decides the encoding, tells the two
// apart, and for a table finds the delimiter and the header.
func (s *Source) openText(f *os.File, head []byte, o OpenOptions) error {
	enc, err := detectEncoding(f, head)
	if err != nil {
		return err
	}
	text := enc.decodeHead(head)
	truncated := int64(len(head)) < s.Size
	if bytes.IndexByte(text, 0) >= 0 || mostlyControl(text) {
		return errBinary()
	}
	if len(bytes.TrimSpace(text)) == 0 && !truncated {
		return errEmpty()
	}
	s.Encoding = enc.name
	if isVCard(text) {
		s.Format = FormatVCard
		return s.checkCards(enc)
	}
	s.Format = FormatCSV
	t := &textFormat{enc: enc, fixBreaks: needsLineBreakFix(text)}
	if o.Delimiter != "" {
		t.delim = rune(o.Delimiter[0])
	} else {
		t.delim = detectDelimiter(text, truncated)
	}
	s.Delimiter = string(t.delim)
	s.text = t

	rr, err := t.open(s.Path, s.Size)
	if err != nil {
		return err
	}
	defer rr.close()
	return s.readHead(rr, o.HeaderRow)
}

// mostlyControl reports whether more than a tenth of the characters are control
// characters other than the usual white space: the mark of a binary file that happens
// to have no zero bytes at its start.
func mostlyControl(text []byte) bool {
	if len(text) == 0 {
		return false
	}
	n, ctl := 0, 0
	for _, r := range string(text[:min(len(text), 8192)]) {
		n++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' || r == 0x7F {
			ctl++
		}
	}
	return ctl*10 > n
}

// readHead reads the first rows of a table that are not blank, finds its header and
// suggests a mapping. headerRow is OpenOptions.HeaderRow. Blank rows are passed over up
// to a limit, so that a sheet whose formatting runs a million empty rows past its data
// does not make Open read all of them.
func (s *Source) readHead(rr rowReader, headerRow int) error {
	want := headerSearchRows + sampleRows
	for read := 0; len(s.head) < want || headerRow > 0 && s.head[len(s.head)-1].row < headerRow; read++ {
		if read == maxBlankScan {
			break
		}
		row, cells, err := rr.next()
		if err == io.EOF {
			s.headAll = true
			break
		}
		if err != nil {
			return err
		}
		if !blankRow(cells) {
			s.head = append(s.head, rawRow{row: row, cells: append([]string(nil), cells...)})
		}
	}
	if len(s.head) == 0 {
		if s.headAll {
			return errEmpty()
		}
		return errNoRows()
	}
	switch {
	case headerRow == -1:
		s.HeaderRow = 0
	case headerRow > 0:
		s.HeaderRow = headerRow
	default:
		s.HeaderRow = findHeader(s.head)
	}
	var header []string
	width := 0
	data := make([][]string, 0, sampleRows)
	found := false
	for _, r := range s.head {
		switch {
		case r.row == s.HeaderRow:
			header, found = r.cells, true
		case r.row > s.HeaderRow:
			width = max(width, len(trimTrailingEmpty(r.cells)))
			if len(data) < sampleRows {
				data = append(data, r.cells)
			}
		}
	}
	if s.HeaderRow > 0 && !found {
		return errNoRows() // the requested header row is blank or past the end
	}
	if len(data) == 0 && s.headAll {
		return errNoRows()
	}
	s.Header = headerNames(header, width)
	s.Profile = detectProfile(s.Header)
	s.Suggested = SuggestMapping(s.headerForMapping(), data)
	return nil
}

// headerForMapping is the header SuggestMapping is given: nil when the table has none,
// so that the mapping is suggested from the content.
func (s *Source) headerForMapping() []string {
	if s.HeaderRow == 0 {
		return nil
	}
	return s.Header
}

// headerNames cleans the header cells and names the columns that have none: an empty
// header cell, and data beyond the last header cell, become "Column N".
func headerNames(header []string, width int) []string {
	header = trimTrailingEmpty(header)
	n := max(len(header), width)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		if i < len(header) {
			out[i] = cleanText(header[i])
		}
		if out[i] == "" {
			out[i] = columnName(i)
		}
	}
	return out
}

func columnName(i int) string {
	return "Column " + itoa(i+1)
}

func trimTrailingEmpty(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}
