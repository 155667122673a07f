package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Format is the kind of file a Source reads, decided from its content.
type Format string

// The formats Open can read.
const (
	FormatCSV   Format = "csv"
	FormatXLSX  Format = "xlsx"
	FormatVCard Format = "vcard"
)

// Profile says which known export a table is, so it is mapped without asking.
type Profile string

// The exports Open recognises by their headers.
const (
	ProfileGeneric Profile = ""
	ProfileGoogle  Profile = "google"
	ProfileOutlook Profile = "outlook"
)

// Roles of a column.
const (
	RoleIgnore     = "ignore"
	RoleName       = "name"
	RoleFirstName  = "first_name"
	RoleMiddleName = "middle_name"
	RoleLastName   = "last_name"
	RolePhone      = "phone"
	RoleEmail      = "email"
	RoleGroup      = "group"
	RoleField      = "field"
	// RoleOptOut marks a column that says a contact asked not to be contacted: a truthy
	// value (ya, yes, y, true, 1, x, stop, berhenti) opts the contact out; anything else
	// leaves the contact as it was.
	RoleOptOut = "optOut"
)

// Phone labels a Record can carry.
const (
	LabelMobile = "mobile"
	LabelHome   = "home"
	LabelWork   = "work"
	LabelFax    = "fax"
	LabelOther  = "other"
)

// ColumnMap says what one column holds.
type ColumnMap struct {
	Role string `json:"role"`
	// Key is the custom field name for RoleField (the header when empty) and the phone
	// label for RolePhone ("mobile", "home", "work", "fax", "other", or "" for none).
	Key string `json:"key"`
}

// Mapping has one entry per column of the header, in column order. Columns beyond its
// end are ignored.
type Mapping struct {
	Columns []ColumnMap `json:"columns"`
}

// Phone is one number of a record, raw as in the file.
type Phone struct {
	Value string
	Label string // "mobile", "home", "work", "fax", "other" or ""
}

// Field is a custom field of a record.
type Field struct{ Key, Value string }

// Record is one contact as read from the file, before phone normalisation.
type Record struct {
	// Row is where the user finds the record: the spreadsheet row of a CSV (blank lines
	// count, the header is row 1 when it is the first line) or XLSX sheet, or the ordinal
	// of a vCard card.
	Row    int
	Name   string   // from the name column, else first, middle and last joined; cleaned
	Phones []Phone  // every phone in file order
	Email  string   // the first email
	Groups []string // group names, split and without Google's system labels
	Fields []Field  // custom fields with a value
	OptOut bool     // an opt-out column holds a truthy value
}

// OpenOptions override what Open would detect.
type OpenOptions struct {
	Sheet     string `json:"sheet"`     // XLSX sheet name; "" = the first sheet with data
	Delimiter string `json:"delimiter"` // "" = detect; otherwise one of "," ";" "\t" "|"
	HeaderRow int    `json:"headerRow"` // 0 = detect; -1 = no header row; N = row N (1-based) is the header
}

// Source is an opened file. Open sniffs the format from content (never the extension),
// detects encoding, delimiter, sheet and header, suggests a mapping, and can stream
// records any number of times.
type Source struct {
	Path      string
	Format    Format
	Profile   Profile
	Encoding  string   // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252" (text only)
	Delimiter string   // text only
	Sheets    []string // XLSX: every sheet name
	Sheet     string   // XLSX: the sheet used
	HeaderRow int      // 0 when there is none
	Header    []string // column names; "Column 1", "Column 2", … when there is no header; nil for vCard
	Suggested Mapping  // nil Columns for vCard
	Size      int64    // bytes, for progress

	text    *textFormat  // CSV only
	book    *workbook    // XLSX only
	cardEnc textEncoding // vCard only
	// head holds the first non-blank rows of a table, read by Open to find the header;
	// Sample and the mapping suggestion use the ones after the header. headAll says they
	// are all the rows there are.
	head    []rawRow
	headAll bool
}

// rawRow is one row of a table as cells, with the row number the user sees.
type rawRow struct {
	row   int
	cells []string
}

// rowReader streams the rows of a table in file order, the header and any title rows
// included. The cells it returns are only valid until the next call.
type rowReader interface {
	next() (row int, cells []string, err error) // io.EOF at the end
	done() int64
	close() error
}

// How many non-blank rows Open reads to find the header and to sample the data: the
// header is looked for in the first 20, and 50 more give the mapping screen its sample.
// maxBlankScan bounds the rows Open reads in all, blank ones included.
const (
	headerSearchRows = 20
	sampleRows       = 50
	maxBlankScan     = 100_000
)

// Open opens the file at path and works out how to read it. Errors are *apperr.Error of
// kind Invalid with one of the Code… codes, so the interface can say what is wrong.
func Open(path string, o OpenOptions) (*Source, error) {
	if err := checkOptions(&o); err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, errUnreadable("open file", err)
	}
	if fi.IsDir() {
		return nil, errUnreadable("open file", &os.PathError{Op: "open", Path: path, Err: errors.New("is a folder, not a file")})
	}
	if !fi.Mode().IsRegular() {
		return nil, errUnreadable("open file", &os.PathError{Op: "open", Path: path, Err: errors.New("is not a regular file")})
	}
	if fi.Size() == 0 {
		return nil, errEmpty()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errUnreadable("open file", err)
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, errUnreadable("read file", err)
	}
	head = head[:n]
	if n == 0 {
		return nil, errEmpty()
	}

	s := &Source{Path: path, Size: fi.Size()}
	kind, err := sniff(f, fi.Size(), head)
	if err != nil {
		return nil, err
	}
	switch kind {
	case kindXLSX:
		f.Close()
		err = s.openXLSX(o)
	default:
		err = s.openText(f, head, o)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkOptions rejects options Open cannot follow and turns the friendly spellings of a
// tab ("tab", `\t`) into the character.
func checkOptions(o *OpenOptions) error {
	switch strings.ToLower(o.Delimiter) {
	case "", ",", ";", "\t", "|":
	case "tab", `\t`:
		o.Delimiter = "\t"
	default:
		return errInvalidOption("delimiter", o.Delimiter)
	}
	if o.HeaderRow < -1 {
		return errInvalidOption("headerRow", strconv.Itoa(o.HeaderRow))
	}
	return nil
}

// Close releases what the source holds: the workbook of an XLSX file and its temporary
// files. Close the Records read from it first; they cannot be read after it.
func (s *Source) Close() error {
	if s.book != nil {
		err := s.book.close()
		s.book = nil
		return err
	}
	return nil
}

// Records streams the data rows mapped with m (ignored for vCard). Each call starts again
// from the first data row and reads the file anew, so a file that changed or disappeared
// since Open gives an error here.
func (s *Source) Records(m Mapping) (*Records, error) {
	if s.Format == FormatVCard {
		v, err := s.openCards()
		if err != nil {
			return nil, err
		}
		return &Records{cards: v}, nil
	}
	rr, err := s.rows()
	if err != nil {
		return nil, err
	}
	return &Records{rows: rr, header: s.HeaderRow, plan: newPlan(s.Header, m)}, nil
}

// rows opens a fresh reader over the table's rows.
func (s *Source) rows() (rowReader, error) {
	switch {
	case s.text != nil:
		return s.text.open(s.Path, s.Size)
	case s.book != nil:
		return s.book.open(s.Size)
	}
	return nil, fmt.Errorf("read %s: source is closed", s.Path)
}

// Sample returns up to n raw data rows (cells) after the header, for the mapping screen;
// nil for vCard. Blank rows are left out, as Records leaves them out.
func (s *Source) Sample(n int) ([][]string, error) {
	if s.Format == FormatVCard || n <= 0 {
		return nil, nil
	}
	out := make([][]string, 0, min(n, 256))
	// The rows Open read are enough for the usual sample; only a larger one reads the file.
	for _, r := range s.head {
		if len(out) == n {
			return out, nil
		}
		if r.row > s.HeaderRow {
			out = append(out, append([]string(nil), r.cells...))
		}
	}
	if s.headAll || len(out) == n {
		return out, nil
	}
	rr, err := s.rows()
	if err != nil {
		return nil, err
	}
	defer rr.close()
	out = out[:0]
	for len(out) < n {
		row, cells, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if row > s.HeaderRow && !blankRow(cells) {
			out = append(out, append([]string(nil), cells...))
		}
	}
	return out, nil
}

// Records is a stream of records. It is not safe for concurrent use.
type Records struct {
	rows   rowReader
	header int
	plan   *plan
	cards  *cardReader
	err    error
	last   int64 // Done at Close, so that Done stays valid and monotonic after it
}

// Next returns the next record, or io.EOF after the last one. Any other error is fatal
// for the file (a line over the limit, a read failure) and is returned again by every
// later call.
func (r *Records) Next() (Record, error) {
	if r.err != nil {
		return Record{}, r.err
	}
	if r.cards != nil {
		rec, err := r.cards.next()
		if err != nil {
			r.err = err
		}
		return rec, err
	}
	for {
		row, cells, err := r.rows.next()
		if err != nil {
			r.err = err
			return Record{}, err
		}
		if row <= r.header || blankRow(cells) {
			continue
		}
		return r.plan.build(row, cells), nil
	}
}

// Done is how far the stream has got, in the unit of Source.Size: bytes for text, and for
// XLSX the rows read scaled to the file's size. It never goes down and reaches Size at the
// end.
func (r *Records) Done() int64 {
	switch {
	case r.cards != nil:
		r.last = r.cards.done()
	case r.rows != nil:
		r.last = r.rows.done()
	}
	return r.last
}

// Close releases the file. It is safe to call more than once.
func (r *Records) Close() error {
	r.Done()
	if r.err == nil {
		r.err = errClosed
	}
	if r.cards != nil {
		c := r.cards
		r.cards = nil
		return c.close()
	}
	if r.rows != nil {
		rr := r.rows
		r.rows = nil
		return rr.close()
	}
	return nil
}

var errClosed = errors.New("records: closed")

// blankRow reports whether every cell is empty or white space: such rows are spacing in a
// spreadsheet, not contacts.
func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
