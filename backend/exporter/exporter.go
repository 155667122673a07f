package exporter

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"kontak/backend/apperr"
)

// Format is the kind of file an export writes.
type Format string

// The formats Kontak exports.
const (
	CSV   Format = "csv"
	XLSX  Format = "xlsx"
	VCard Format = "vcf"
)

// ParseFormat reads a format name as the CLI and the interface send it:
// "csv", "xlsx", "vcf" or "vcard", in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, nil
	case "xlsx":
		return XLSX, nil
	case "vcf", "vcard":
		return VCard, nil
	}
	return "", errFormat(s)
}

// Extension returns the file name extension of the format, with its dot, for
// save dialogs and default file names.
func (f Format) Extension() string {
	return "." + string(f)
}

// checkFormat refuses a Format that is none of the constants.
func checkFormat(f Format) error {
	switch f {
	case CSV, XLSX, VCard:
		return nil
	}
	return errFormat(string(f))
}

func errFormat(s string) *apperr.Error {
	return apperr.New(apperr.Invalid, "export.format.invalid",
		fmt.Sprintf("unknown export format %q: use csv, xlsx or vcf", s)).
		OnField("format").With("format", s)
}

// Field is one custom field of a contact.
type Field struct{ Key, Value string }

// Contact is one contact as it is exported.
type Contact struct {
	Name string
	// Phone holds the canonical digits, country code first, no "+":
	// 6281234567890, or a foreign number such as 14155552671.
	Phone  string
	Email  string
	Groups []string
	Fields []Field
}

// Progress is told how many contacts were written; total may be -1 when unknown.
type Progress interface{ Report(done, total int64) }

// Options says which custom fields to write and whom to tell about progress.
type Options struct {
	// FieldKeys are the custom-field columns, in order; the caller collects
	// them. Fields with other keys are dropped, and a key given twice makes
	// one column.
	FieldKeys []string
	// Total is the number of contacts, passed on to Progress; -1 when unknown.
	Total int64
	// Progress may be nil.
	Progress Progress
}

// Progress is reported after every progressRows contacts, unless the last
// report is less than progressInterval old, and once more when the file is
// complete. Looking at the clock only every progressRows contacts keeps the
// cost out of the row loop; the interval keeps a fast CSV export from sending
// the interface hundreds of events a second.
const (
	progressRows     = 1000
	progressInterval = 100 * time.Millisecond
)

// sink writes one format. Write calls header once, row for every contact, and
// close once to complete the file; after an error it calls abort instead,
// which frees what the sink holds (excelize's temp files).
type sink interface {
	header() error
	row(c *Contact) error
	close() error
	abort()
}

func newSink(f Format, w io.Writer, cols *columns) sink {
	switch f {
	case XLSX:
		return newXLSXSink(w, cols)
	case VCard:
		return newVCardSink(w, cols)
	}
	return newCSVSink(w, cols)
}

// Write writes contacts to w in format f and returns how many contacts it
// wrote. It tells o.Progress how far it got every 1000 contacts, at most ten
// times a second, and once when it is done. It stops between two contacts
// when ctx is done and returns ctx's error; what it wrote to w until then is
// incomplete. An error from the iterator is returned wrapped; an error
// writing to w is an *apperr.Error with code export.file.unwritable.
func Write(ctx context.Context, w io.Writer, f Format, contacts iter.Seq2[Contact, error], o Options) (int, error) {
	if err := checkFormat(f); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	// dst checks ctx on every write, so that cancelling also stops the long
	// final step of an XLSX export, which runs inside excelize.
	dst := &guardedWriter{ctx: ctx, w: w}
	s := newSink(f, dst, newColumns(o.FieldKeys))
	n, err := writeRows(ctx, s, contacts, o)
	if err != nil {
		s.abort()
		return n, dst.explain(err)
	}
	if err := s.close(); err != nil {
		return n, dst.explain(err)
	}
	if o.Progress != nil {
		o.Progress.Report(int64(n), o.Total)
	}
	return n, nil
}

// writeRows runs the header and the rows through s and returns how many
// contacts it wrote.
func writeRows(ctx context.Context, s sink, contacts iter.Seq2[Contact, error], o Options) (int, error) {
	if err := s.header(); err != nil {
		return 0, err
	}
	n := 0
	last := time.Now()
	for c, err := range contacts {
		if err != nil {
			return n, fmt.Errorf("read contacts: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := s.row(&c); err != nil {
			return n, err
		}
		n++
		if n%progressRows == 0 && o.Progress != nil {
			if now := time.Now(); now.Sub(last) >= progressInterval {
				last = now
				o.Progress.Report(int64(n), o.Total)
			}
		}
	}
	return n, nil
}

// guardedWriter passes writes on to w unless ctx is done, and remembers the
// first error of w, so that Write can tell a full disk from a failing
// iterator or a bug in a format writer.
type guardedWriter struct {
	ctx context.Context
	w   io.Writer
	err error
}

func (g *guardedWriter) Write(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if err := g.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := g.w.Write(p)
	if err != nil {
		g.err = err
	}
	return n, err
}

// explain turns an error of a sink into the error Write returns: ctx's error
// when the export was cancelled, an export.file.unwritable error when the
// destination refused a write, and err itself otherwise.
func (g *guardedWriter) explain(err error) error {
	if cerr := g.ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		return cerr
	}
	if g.err != nil && errors.Is(err, g.err) {
		return unwritable("", g.err)
	}
	return err
}

// columns maps the custom field keys of Options to their column, so that a
// contact's fields can be put in order without a search per field.
type columns struct {
	keys  []string
	index map[string]int
}

func newColumns(fieldKeys []string) *columns {
	c := &columns{index: make(map[string]int, len(fieldKeys))}
	for _, k := range fieldKeys {
		if _, dup := c.index[k]; dup {
			continue
		}
		c.index[k] = len(c.keys)
		c.keys = append(c.keys, k)
	}
	return c
}

// values fills out, which has one entry per key, with the contact's field
// values; a key the contact lacks gets "". When a contact has a key twice,
// the first value that is not empty wins.
func (c *columns) values(fields []Field, out []string) {
	clear(out)
	for _, f := range fields {
		if i, ok := c.index[f.Key]; ok && out[i] == "" {
			out[i] = f.Value
		}
	}
}

// bufferSize is the size of the buffer between a text format and the file:
// large enough that a write reaches the disk only every few hundred rows.
const bufferSize = 64 << 10

func newBuffer(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, bufferSize) }
