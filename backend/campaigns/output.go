package campaigns

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
)

// row is one recipient as an output writes it.
type row struct {
	Phone   string // canonical digits, 628…
	Name    string
	Message string
	Fields  []string // one per custom-field column
}

// writer writes one format: header once, row per recipient, close to finish.
type writer interface {
	header(fieldKeys []string) error
	row(r *row) error
	close() error
	abort()
}

func newWriter(format string, w io.Writer) writer {
	switch format {
	case FormatXLSX:
		return &xlsxWriter{w: w}
	case FormatNumbers:
		return &lineWriter{buf: bufio.NewWriterSize(w, 64<<10)}
	case FormatWaMe:
		return &lineWriter{buf: bufio.NewWriterSize(w, 64<<10), links: true}
	}
	return &csvWriter{buf: bufio.NewWriterSize(w, 64<<10)}
}

func validFormat(f string) bool {
	switch f {
	case FormatCSV, FormatXLSX, FormatNumbers, FormatWaMe:
		return true
	}
	return false
}

// needsFields reports whether a format has the custom-field columns.
func needsFields(f string) bool { return f == FormatCSV || f == FormatXLSX }

// fixedColumns come before the custom fields in CSV and XLSX outputs.
var fixedColumns = []string{"phone", "name", "message"}

// csvWriter writes RFC 4180 CSV with a UTF-8 byte order mark (Excel needs it to read
// UTF-8) and CRLF between records. The phone is the canonical 628… digits that gateways
// and bulk senders take; the name and the custom fields are guarded against being run as
// formulas, the message is written exactly as recipients get it.
type csvWriter struct {
	buf    *bufio.Writer
	record []string
}

func (w *csvWriter) header(keys []string) error {
	w.buf.WriteString("\uFEFF")
	w.record = append(append([]string{}, fixedColumns...), keys...)
	for i := range keys {
		w.record[len(fixedColumns)+i] = guardFormula(keys[i])
	}
	return w.write()
}

func (w *csvWriter) row(r *row) error {
	w.record = append(w.record[:0], r.Phone, guardFormula(r.Name), r.Message)
	for _, f := range r.Fields {
		w.record = append(w.record, guardFormula(f))
	}
	return w.write()
}

func (w *csvWriter) write() error {
	for i, v := range w.record {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		if v != "" && (strings.ContainsAny(v, ",\"\r\n") || v[0] == ' ' || v[len(v)-1] == ' ') {
			w.buf.WriteByte('"')
			w.buf.WriteString(strings.ReplaceAll(v, `"`, `""`))
			w.buf.WriteByte('"')
		} else {
			w.buf.WriteString(v)
		}
	}
	_, err := w.buf.WriteString("\r\n")
	return err
}

func (w *csvWriter) close() error { return w.buf.Flush() }
func (w *csvWriter) abort()       {}

// guardFormula puts a quote before a cell a spreadsheet would run as a formula.
func guardFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// lineWriter writes one phone, or one wa.me link, per line.
type lineWriter struct {
	buf   *bufio.Writer
	links bool
}

func (w *lineWriter) header([]string) error { return nil }

func (w *lineWriter) row(r *row) error {
	if w.links {
		w.buf.WriteString(waMeLink(r.Phone, r.Message))
	} else {
		w.buf.WriteString(r.Phone)
	}
	_, err := w.buf.WriteString("\n")
	return err
}

func (w *lineWriter) close() error { return w.buf.Flush() }
func (w *lineWriter) abort()       {}

// waMeLink is WhatsApp's click-to-chat link with the message filled in. Spaces are %20,
// not "+", which WhatsApp would show as a plus sign.
func waMeLink(phone, message string) string {
	link := "https://wa.me/" + phone
	if message != "" {
		link += "?text=" + strings.ReplaceAll(url.QueryEscape(message), "+", "%20")
	}
	return link
}

// xlsxWriter writes the CSV's columns as a workbook through excelize's stream writer,
// so rows go to a temp file instead of memory; phones are text cells.
type xlsxWriter struct {
	w      io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	text   int
	rows   int
	values []any
}

const xlsxSheet = "Recipients"

func (w *xlsxWriter) header(keys []string) error {
	w.f = excelize.NewFile()
	f := w.f
	if err := f.SetSheetName(f.GetSheetName(0), xlsxSheet); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	w.text = text
	if w.sw, err = f.NewStreamWriter(xlsxSheet); err != nil {
		return err
	}
	// The stream writer wants columns set from the last to the first (see exporter).
	if len(keys) > 0 {
		if err := w.sw.SetColWidth(4, 3+len(keys), 18); err != nil {
			return err
		}
	}
	for i, width := range []float64{60, 28, 18} {
		col := 3 - i
		if err := w.sw.SetColWidth(col, col, width); err != nil {
			return err
		}
		if col == 1 {
			if err := w.sw.SetColStyle(1, 1, text); err != nil {
				return err
			}
		}
	}
	w.values = make([]any, len(fixedColumns)+len(keys))
	for i, name := range append(append([]string{}, fixedColumns...), keys...) {
		w.values[i] = excelize.Cell{StyleID: bold, Value: name}
	}
	return w.setRow()
}

func (w *xlsxWriter) row(r *row) error {
	if w.rows >= excelize.TotalRows {
		return apperr.New(apperr.Invalid, "campaign.xlsx.too_many_rows",
			fmt.Sprintf("an XLSX sheet holds at most %d recipients: choose CSV instead", excelize.TotalRows-1)).
			With("max", strconv.Itoa(excelize.TotalRows-1))
	}
	w.values[0] = excelize.Cell{StyleID: w.text, Value: r.Phone}
	w.values[1] = cellText(r.Name)
	w.values[2] = cellText(r.Message)
	for i, v := range r.Fields {
		w.values[3+i] = cellText(v)
	}
	return w.setRow()
}

func cellText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (w *xlsxWriter) setRow() error {
	w.rows++
	return w.sw.SetRow("A"+strconv.Itoa(w.rows), w.values)
}

func (w *xlsxWriter) close() error {
	defer w.abort()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	// excelize builds the whole zip in memory before writing it; its zip writer is
	// pointed at the destination instead, so the file streams out.
	w.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w.w) })
	return w.f.Write(io.Discard)
}

func (w *xlsxWriter) abort() {
	if w.f != nil {
		_ = w.f.Close()
		w.f = nil
	}
}

// writeAtomically writes a file through fn into a temp file in the same folder, which is
// synced and renamed over path only when fn succeeded: never a half file at path.
func writeAtomically(path string, fn func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return unwritable(path, syscall.EISDIR)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return unwritable(path, err)
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := fn(tmp); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return unwritable(path, err)
		}
		return err
	}
	if err := tmp.Sync(); err != nil {
		return unwritable(path, err)
	}
	if err := tmp.Close(); err != nil {
		return unwritable(path, err)
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return unwritable(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return unwritable(path, err)
	}
	done = true
	return nil
}

// unwritable explains why path could not be written; the reason parameter is one of
// folder_missing, permission_denied, read_only, disk_full, is_directory, io_error, as
// for contact exports.
func unwritable(path string, err error) *apperr.Error {
	reason, detail := "io_error", "write error"
	switch {
	case errors.Is(err, syscall.EISDIR):
		reason, detail = "is_directory", "it is a folder"
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrNotExist):
		reason, detail = "folder_missing", "the folder does not exist"
	case errors.Is(err, syscall.EROFS):
		reason, detail = "read_only", "the drive is read-only"
	case errors.Is(err, fs.ErrPermission):
		reason, detail = "permission_denied", "permission denied"
	case errors.Is(err, syscall.ENOSPC):
		reason, detail = "disk_full", "the disk is full"
	}
	kind := apperr.Invalid
	if reason == "io_error" {
		kind = apperr.Internal
	}
	e := &apperr.Error{Kind: kind, Code: "campaign.file.unwritable", Message: "cannot write " + path + ": " + detail, Err: err}
	e.With("reason", reason).With("path", path)
	if kind == apperr.Invalid {
		e.OnField("path")
	}
	return e
}
